package org.epocharena.bench.suite;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.epocharena.bench.alloc.Impl;
import org.epocharena.runformat.RunManifest;

/**
 * What this run's {@code manifest.json} says: every implementation the registry knows with its role,
 * description and whether it ran (and why not), and every harness of the run with its companions, from
 * {@link HarnessRegistry}. Written before the first JMH run and again at the end.
 */
final class ManifestContents {
    private ManifestContents() {
    }

    /**
     * @param known    every implementation the registry knows (all are listed, so the report can say
     *                 what a narrowed run left out)
     * @param selected the names the user's {@code --impls} chose (all by default)
     * @param notRun   why some of the selected cannot run, by name
     * @param finished names that produced at least one result, or null before the run (then "ran" means
     *                 "planned to run")
     */
    static RunManifest of(List<Impl> known, List<String> selected, Map<String, String> notRun, Set<String> finished,
                          List<String> harnesses) {
        List<RunManifest.Implementation> impls = new ArrayList<>();
        for (Impl impl : known) {
            String reason = selected.contains(impl.name()) ? notRun.get(impl.name())
                    : "not selected (--impls " + String.join(",", selected) + ")";
            boolean ran = reason == null && (finished == null || finished.contains(impl.name()));
            if (reason == null && !ran) {
                reason = "no JMH result: its trials failed or the run was interrupted (see raw/console.log)";
            }
            impls.add(new RunManifest.Implementation(impl.name(), impl.isBaseline(), impl.description(), ran, reason));
        }
        return new RunManifest(RunManifest.SCHEMA, Runtime.getRuntime().availableProcessors(), impls,
                harnesses.stream().flatMap(h -> HarnessRegistry.named(h).declared().stream()).toList());
    }
}
