package org.epocharena.bench.suite;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.openjdk.jmh.results.BenchmarkResult;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.results.format.ResultFormatFactory;
import org.openjdk.jmh.results.format.ResultFormatType;

/**
 * Joins the results of several single-fork JMH runs of one benchmark set into what one JMH run with
 * that many forks would have written: one {@link RunResult} per benchmark and params, holding every
 * fork's {@link BenchmarkResult}. JMH itself then aggregates them (score the mean of every iteration,
 * scoreError its 99.9% t-interval, percentiles over the merged histograms, secondary metrics by their
 * own policies) and writes {@code rawData} with one entry per fork, so the reports' fork-level
 * statistics see real forks. Only the JSON's {@code forks} field, which JMH copies from the options
 * of one run (1), is set to the number of forks merged.
 */
public final class ForkMerge {
    private ForkMerge() {
    }

    /** The runs of {@code forks} (each one fork's results) joined per benchmark and params, in first-seen order. */
    public static List<RunResult> merge(List<? extends Collection<RunResult>> forks) {
        Map<String, List<BenchmarkResult>> byId = new LinkedHashMap<>();
        Map<String, RunResult> first = new LinkedHashMap<>();
        for (Collection<RunResult> fork : forks) {
            for (RunResult r : fork) {
                String id = r.getParams().id();
                first.putIfAbsent(id, r);
                byId.computeIfAbsent(id, k -> new ArrayList<>()).addAll(r.getBenchmarkResults());
            }
        }
        List<RunResult> out = new ArrayList<>(byId.size());
        byId.forEach((id, results) -> out.add(new RunResult(first.get(id).getParams(), results)));
        return out;
    }

    /** Writes {@code merged} as JMH JSON to {@code file}, with each benchmark's {@code forks} set to its fork count. */
    public static void write(List<RunResult> merged, Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        Path tmp = Files.createTempFile(parent, file.getFileName().toString(), ".tmp");
        try {
            try (PrintStream ps = new PrintStream(Files.newOutputStream(tmp), true, StandardCharsets.UTF_8)) {
                ResultFormatFactory.getInstance(ResultFormatType.JSON, ps).writeOut(merged);
            }
            JsonArray json = JsonParser.parseString(Files.readString(tmp)).getAsJsonArray();
            for (int i = 0; i < json.size(); i++) {
                JsonElement b = json.get(i);
                b.getAsJsonObject().addProperty("forks", merged.get(i).getBenchmarkResults().size());
            }
            Files.writeString(file, new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create().toJson(json) + "\n");
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
