package org.epocharena.bench.suite;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.epocharena.bench.alloc.Impls;
import org.epocharena.runformat.RunManifest;

/**
 * What a suite run sets out to do, as its command line decided it: what the run folder's
 * {@code manifest.json} and {@code env.json} describe.
 *
 * @param profile   the profile
 * @param harnesses the harness ids to run, in registry order
 * @param selected  the implementations {@code --impls} chose (all by default)
 * @param notRun    why some of the selected cannot run on the fork JVM, by name
 * @param forkJvm   the JVM the JMH forks run on
 * @param args      the command line, for {@code env.json}
 */
record RunRequest(Profile profile, List<String> harnesses, Selection selected, Map<String, String> notRun,
                  Environment.Jvm forkJvm, String[] args) {

    /** The manifest before the run ({@code finished} null) or after it. */
    RunManifest manifest(Set<String> finished) {
        return ManifestContents.of(Impls.all(), selected.names(), notRun, finished, harnesses);
    }
}
