package org.epocharena.store.run;

import java.util.List;

/**
 * Everything the store keeps of one run folder, read and checked before anything is written.
 *
 * @param contentHash  SHA-256 over env.json, manifest.json, raw/jmh-*.json and raw/hdr/*.hlog: re-importing the same
 *                     run is a no-op (so what it covers must not change, or stored runs would import again)
 * @param envJson      env.json as written
 * @param manifestJson manifest.json as written, or null for runs from before it existed
 */
public record RunRecord(String contentHash, Machine machine, String gitCommit, String profile, String startedAt,
                        String commandLine, String sourcePath, String envJson, String manifestJson,
                        List<Figure> figures) {
}
