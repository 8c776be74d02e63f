package org.epocharena.store.db;

import org.epocharena.runformat.Catalog;
import org.epocharena.store.run.Machine;

/**
 * A run as the store holds it; {@code id} is its content hash.
 *
 * @param catalog what the run measured, from its manifest as the report reads it (empty for runs without one)
 */
public record StoredRun(String id, Machine machine, String gitCommit, String profile, String startedAt,
                        String sourcePath, Catalog catalog) {

    /** The first 7 characters of the commit, as git abbreviates it. */
    public String shortCommit() {
        return gitCommit.length() > 7 && gitCommit.matches("[0-9a-f]+") ? gitCommit.substring(0, 7) : gitCommit;
    }
}
