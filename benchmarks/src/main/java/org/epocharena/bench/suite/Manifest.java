package org.epocharena.bench.suite;

import com.google.gson.GsonBuilder;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.epocharena.bench.alloc.Impl;

/**
 * {@code manifest.json}, the contract with the reports module (schema 1): every implementation the run
 * knows with its role, description and whether it ran (and why not), and every harness of the run with
 * its question and headline figures. Written before the first JMH run and again at the end.
 */
final class Manifest {
    static final int SCHEMA = 1;

    record Implementation(String name, boolean baseline, String description, boolean ran, String notRunReason) {
    }

    record Contents(int schema, int cores, List<Implementation> implementations, List<Harness> harnesses) {
    }

    private Manifest() {
    }

    /**
     * @param known    every implementation the registry knows (all are listed, so the report can say
     *                 what a narrowed run left out)
     * @param selected the names the user's {@code --impls} chose (all by default)
     * @param notRun   why some of the selected cannot run, by name
     * @param finished names that produced at least one result, or null before the run (then "ran" means
     *                 "planned to run")
     */
    static Contents of(List<Impl> known, List<String> selected, Map<String, String> notRun, Set<String> finished,
                       List<String> harnesses) {
        List<Implementation> impls = new ArrayList<>();
        for (Impl impl : known) {
            String reason = selected.contains(impl.name()) ? notRun.get(impl.name())
                    : "not selected (--impls " + String.join(",", selected) + ")";
            boolean ran = reason == null && (finished == null || finished.contains(impl.name()));
            if (reason == null && !ran) {
                reason = "no JMH result: its trials failed or the run was interrupted (see raw/console.log)";
            }
            impls.add(new Implementation(impl.name(), impl.isBaseline(), impl.description(), ran, reason));
        }
        return new Contents(SCHEMA, Runtime.getRuntime().availableProcessors(), impls,
                harnesses.stream().flatMap(h -> Harness.declared(h).stream()).toList());
    }

    static void write(Path file, Contents contents) throws IOException {
        Files.writeString(file, new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create().toJson(contents)
                + "\n", StandardCharsets.UTF_8);
    }
}
