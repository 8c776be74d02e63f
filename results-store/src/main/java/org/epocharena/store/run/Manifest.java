package org.epocharena.store.run;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The parts of a run's manifest.json (schema 1, written by the benchmarks' Suite) the store needs:
 * which implementations are baselines, each harness's benchmark and thread param, and each headline's
 * direction and practical-equivalence floors. {@link #NONE} stands for runs from before the manifest.
 */
public final class Manifest {
    public static final Manifest NONE = new Manifest(Map.of(), Map.of(), Map.of());

    /** One headline figure: which way is better, and below which change two figures are the same. */
    public record Headline(String better, double floorRelative, double floorAbsolute) {
    }

    private record Harness(String name, String threadsParam) {
    }

    private final Map<String, Boolean> baselineByImpl;
    private final Map<String, Harness> harnessByBenchmark;
    private final Map<String, Headline> headlineByBenchmarkMetric;

    private Manifest(Map<String, Boolean> baselineByImpl, Map<String, Harness> harnessByBenchmark,
                     Map<String, Headline> headlineByBenchmarkMetric) {
        this.baselineByImpl = baselineByImpl;
        this.harnessByBenchmark = harnessByBenchmark;
        this.headlineByBenchmarkMetric = headlineByBenchmarkMetric;
    }

    /**
     * Parses manifest.json text; {@code null} gives {@link #NONE}.
     *
     * @throws BadRunException naming {@code file} when it is not a schema-1 manifest
     */
    public static Manifest parse(String json, String file) {
        if (json == null) {
            return NONE;
        }
        try {
            JsonObject root = JsonParser.parseString(json).getAsJsonObject();
            if (!root.has("schema") || root.get("schema").getAsInt() != 1) {
                throw new BadRunException(file + ": manifest schema must be 1, was "
                        + (root.has("schema") ? root.get("schema") : "missing"));
            }
            Map<String, Boolean> baselines = new HashMap<>();
            for (JsonElement e : array(root, "implementations")) {
                JsonObject i = e.getAsJsonObject();
                baselines.put(i.get("name").getAsString(), i.has("baseline") && i.get("baseline").getAsBoolean());
            }
            Map<String, Harness> harnesses = new HashMap<>();
            Map<String, Headline> headlines = new HashMap<>();
            for (JsonElement e : array(root, "harnesses")) {
                JsonObject h = e.getAsJsonObject();
                String benchmark = h.get("benchmark").getAsString();
                harnesses.put(benchmark, new Harness(h.get("name").getAsString(),
                        h.has("threadsParam") ? h.get("threadsParam").getAsString() : null));
                for (JsonElement l : array(h, "headlines")) {
                    JsonObject hl = l.getAsJsonObject();
                    // The manifest names secondaries as JMH does ("p0.99"); the store as it keeps them ("p99").
                    String metric = hl.get("metric").getAsString();
                    headlines.put(benchmark + "\u0000" + (metric.isEmpty() ? "" : JmhResultReader.metricName(metric)), new Headline(
                            hl.get("better").getAsString(), number(hl, "floorRelative"), number(hl, "floorAbsolute")));
                }
            }
            return new Manifest(Map.copyOf(baselines), Map.copyOf(harnesses), Map.copyOf(headlines));
        } catch (BadRunException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new BadRunException(file + ": not a valid manifest.json (" + e.getMessage() + ")", e);
        }
    }

    private static List<JsonElement> array(JsonObject o, String key) {
        return o.has(key) ? o.getAsJsonArray(key).asList() : List.of();
    }

    private static double number(JsonObject o, String key) {
        return o.has(key) ? o.get(key).getAsDouble() : 0;
    }

    /** The manifest's word on whether {@code impl} is a baseline, if it names it. */
    public Optional<Boolean> baseline(String impl) {
        return Optional.ofNullable(baselineByImpl.get(impl));
    }

    public Optional<String> harness(String benchmark) {
        return Optional.ofNullable(harnessByBenchmark.get(benchmark)).map(Harness::name);
    }

    public Optional<String> threadsParam(String benchmark) {
        return Optional.ofNullable(harnessByBenchmark.get(benchmark)).map(Harness::threadsParam);
    }

    /** The headline for this benchmark method and metric ("" = primary), if the manifest declares one. */
    public Optional<Headline> headline(String benchmark, String metric) {
        return Optional.ofNullable(headlineByBenchmarkMetric.get(benchmark + "\u0000" + metric));
    }
}
