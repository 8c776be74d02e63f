package org.epocharena.runformat;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.stream.JsonReader;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Reads one JMH result file ({@code -rf json}) into measurements: the primary score, every secondary
 * metric (gc profiler, aux counters, SampleTime percentiles, which JMH stores as secondaries "p0.99"
 * with per-iteration raw data). Strict about shape: anything that is not a JMH result array is
 * rejected with the file's name rather than half-read. The one place that decides which param names
 * the implementation, where the thread count lives and what a figure is called.
 */
public final class JmhResultReader {
    private static final String BENCH_ROOT = "org.epocharena.bench.";
    private static final String NOT_JMH = "not a JMH result file (expected a JSON array of objects with \"benchmark\" and "
            + "\"primaryMetric\"): ";

    private final Catalog catalog;

    /** A reader that learns implementations and harnesses into {@code catalog} (the run's manifest, or empty). */
    public JmhResultReader(Catalog catalog) {
        this.catalog = catalog;
    }

    /** Parses {@code file}; throws {@link RunFormatException} naming it when it is not JMH JSON. */
    public List<Measurement> parse(Path file) {
        String json;
        try {
            if (!Files.isRegularFile(file)) {
                throw new RunFormatException("JMH result file not found: " + file);
            }
            if (Files.size(file) == 0) {
                throw new RunFormatException("JMH result file is empty: " + file);
            }
            json = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new RunFormatException("cannot read " + file + ": " + e.getMessage(), e);
        }
        return parse(json, file.toString(), file.getFileName().toString());
    }

    /**
     * Parses the text of a JMH result file.
     *
     * @param where  the file, for messages
     * @param source the file's name, which every measurement keeps
     */
    public List<Measurement> parse(String json, String where, String source) {
        JsonElement root;
        try {
            // As JMH's own files are read: one value, whatever follows it (parseString would refuse trailing text).
            root = JsonParser.parseReader(new JsonReader(new StringReader(json)));
        } catch (JsonParseException e) {
            throw new RunFormatException("not valid JSON (truncated or corrupt): " + where + ": " + rootMessage(e), e);
        }
        if (root == null || !root.isJsonArray() || root.getAsJsonArray().isEmpty()) {
            throw new RunFormatException(NOT_JMH + where);
        }
        List<Measurement> out = new ArrayList<>();
        int index = 0;
        for (JsonElement e : root.getAsJsonArray()) {
            if (!isJmhResult(e)) {
                throw new RunFormatException(NOT_JMH + where + " (result " + index + " is not a JMH result: it needs "
                        + "\"benchmark\", \"mode\" and \"primaryMetric\")");
            }
            try {
                readResult(e.getAsJsonObject(), source, out);
            } catch (RunFormatException ex) {
                throw ex;
            } catch (RuntimeException ex) {
                throw new RunFormatException("malformed JMH result in " + where + ": " + ex.getMessage(), ex);
            }
            index++;
        }
        return out;
    }

    private static boolean isJmhResult(JsonElement e) {
        return e.isJsonObject() && e.getAsJsonObject().has("benchmark") && e.getAsJsonObject().has("mode")
                && e.getAsJsonObject().has("primaryMetric");
    }

    /** True when the element looks like what JMH writes; used to skip other JSON in raw/. */
    public static boolean isJmhResultArray(JsonElement root) {
        if (root == null || !root.isJsonArray() || root.getAsJsonArray().isEmpty()) {
            return false;
        }
        for (JsonElement e : root.getAsJsonArray()) {
            if (!isJmhResult(e)) {
                return false;
            }
        }
        return true;
    }

    private void readResult(JsonObject r, String source, List<Measurement> out) {
        String fqn = r.get("benchmark").getAsString();
        String mode = r.get("mode").getAsString();
        Map<String, String> params = new TreeMap<>();
        if (r.has("params")) {
            r.getAsJsonObject("params").entrySet().forEach(p -> params.put(p.getKey(), p.getValue().getAsString()));
        }
        Optional<RunManifest.HarnessEntry> declared = catalog.harnessForBenchmark(fqn);
        String harness = declared.map(RunManifest.HarnessEntry::name).orElse(harnessOf(fqn));
        String threadsParam = declared.map(RunManifest.HarnessEntry::threadsParam)
                .orElse(params.containsKey("workers") ? "workers" : null);
        catalog.learnHarness(harness, fqn, threadsParam);
        int threads = threadsParam != null && params.containsKey(threadsParam)
                ? parseThreads(params.get(threadsParam), threadsParam, source) : r.get("threads").getAsInt();
        String simple = simpleName(fqn);
        // The contract's one param is impl; older runs named a design with kind and a baseline with baseline.
        String impl = params.containsKey("impl") ? params.get("impl") : params.containsKey("kind") ? params.get("kind")
                : params.containsKey("baseline") ? params.get("baseline") : simple.substring(simple.indexOf('.') + 1);
        boolean baseline = catalog.learn(impl, !params.containsKey("impl") && !params.containsKey("kind")
                && params.containsKey("baseline"));

        JsonObject pm = r.getAsJsonObject("primaryMetric");
        if (!pm.has("score") || !pm.has("scoreUnit")) {
            throw new RunFormatException(source + ": " + fqn + " primary result has no \"score\" or \"scoreUnit\"");
        }
        out.add(metric(harness, simple, impl, baseline, threads, params, mode, "score", pm, source));
        if (r.has("secondaryMetrics")) {
            for (Map.Entry<String, JsonElement> s : r.getAsJsonObject("secondaryMetrics").entrySet()) {
                // JMH up to 1.36 prefixed profiler metrics with a middle dot.
                String name = s.getKey().startsWith("\u00b7") ? s.getKey().substring(1) : s.getKey();
                out.add(metric(harness, simple, impl, baseline, threads, params, mode, percentileName(name),
                        s.getValue().getAsJsonObject(), source));
            }
        }
    }

    private static int parseThreads(String value, String param, String source) {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new RunFormatException("thread-count param " + param + "=" + value + " in " + source + " is not a whole number");
        }
    }

    private static Measurement metric(String harness, String bench, String impl, boolean baseline, int threads,
                                      Map<String, String> params, String mode, String name, JsonObject m,
                                      String source) {
        double[][] forks = rawData(m);
        double[] samples = java.util.Arrays.stream(forks).flatMapToDouble(java.util.Arrays::stream).toArray();
        double score = number(m.get("score"));
        double error = number(m.get("scoreError"));
        if (Double.isNaN(error)) {
            // JMH leaves percentiles and single-fork aux counters without error; derive it the same way JMH does.
            error = ConfidenceInterval.halfWidth(samples, ConfidenceInterval.JMH_LEVEL);
        }
        return new Measurement(harness, bench, impl, baseline, threads, Map.copyOf(params), mode, name, score, error,
                m.get("scoreUnit").getAsString(), forks, source);
    }

    /**
     * One value per measurement iteration, across forks. SampleTime's primary metric has no rawData,
     * only a histogram per iteration ({@code rawDataHistogram}: [value, count] pairs); its iteration
     * means are what a comparison of two runs needs, so they are computed here.
     */
    public static double[][] rawData(JsonObject m) {
        List<double[]> forks = new ArrayList<>();
        if (m.has("rawData")) {
            for (JsonElement fork : m.getAsJsonArray("rawData")) {
                List<Double> v = new ArrayList<>();
                for (JsonElement it : fork.getAsJsonArray()) {
                    v.add(number(it));
                }
                forks.add(v.stream().mapToDouble(Double::doubleValue).toArray());
            }
        } else if (m.has("rawDataHistogram")) {
            for (JsonElement fork : m.getAsJsonArray("rawDataHistogram")) {
                List<Double> v = new ArrayList<>();
                for (JsonElement it : fork.getAsJsonArray()) {
                    double sum = 0;
                    double count = 0;
                    for (JsonElement pair : it.getAsJsonArray()) {
                        double value = number(pair.getAsJsonArray().get(0));
                        double n = number(pair.getAsJsonArray().get(1));
                        sum += value * n;
                        count += n;
                    }
                    if (count > 0) {
                        v.add(sum / count);
                    }
                }
                forks.add(v.stream().mapToDouble(Double::doubleValue).toArray());
            }
        }
        return forks.toArray(new double[0][]);
    }

    /** JMH writes NaN and infinities as strings. */
    public static double number(JsonElement e) {
        if (e == null || e.isJsonNull()) {
            return Double.NaN;
        }
        return e.getAsJsonPrimitive().isString() ? Double.parseDouble(e.getAsString()) : e.getAsDouble();
    }

    /** "p0.99" -> "p99", "p0.9999" -> "p99.99", "p1.00" -> "max", "p0.00" -> "min". */
    public static String percentileName(String name) {
        if (!name.matches("p[01]\\.\\d+")) {
            return name;
        }
        double q = Double.parseDouble(name.substring(1));
        if (q == 1.0) {
            return "max";
        }
        if (q == 0.0) {
            return "min";
        }
        String pct = new java.math.BigDecimal(name.substring(1)).movePointRight(2).stripTrailingZeros().toPlainString();
        return "p" + pct;
    }

    /** The harness id: package segment after org.epocharena.bench., else the last package segment. */
    public static String harnessOf(String fqn) {
        if (fqn.startsWith(BENCH_ROOT)) {
            String rest = fqn.substring(BENCH_ROOT.length());
            int dot = rest.indexOf('.');
            return dot < 0 ? rest : rest.substring(0, dot);
        }
        String[] parts = fqn.split("\\.");
        return parts.length >= 3 ? parts[parts.length - 3] : "default";
    }

    /** "org.x.FooBenchmark.run" -> "FooBenchmark.run": a measurement's benchmark. */
    public static String simpleName(String fqn) {
        String[] parts = fqn.split("\\.");
        return parts.length >= 2 ? parts[parts.length - 2] + "." + parts[parts.length - 1] : fqn;
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null) {
            t = t.getCause();
        }
        return String.valueOf(t.getMessage());
    }

    /**
     * The JVM and JMH settings JMH records in every result, as env.json-style keys: the fallback
     * environment when env.json is missing, and the JMH settings line otherwise.
     */
    public static Map<String, Object> environment(Path file) {
        Map<String, Object> env = new java.util.LinkedHashMap<>();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            JsonObject first = JsonParser.parseReader(r).getAsJsonArray().get(0).getAsJsonObject();
            env.put("jvmName", text(first, "vmName"));
            env.put("jvmVersion", text(first, "vmVersion"));
            env.put("jvmPath", text(first, "jvm"));
            env.put("jvmFlags", first.has("jvmArgs") ? first.get("jvmArgs").toString() : "unknown");
            env.put("jmh", "JMH " + text(first, "jmhVersion") + ", " + text(first, "forks") + " fork(s), warm-up "
                    + text(first, "warmupIterations") + " x " + text(first, "warmupTime") + ", measurement "
                    + text(first, "measurementIterations") + " x " + text(first, "measurementTime"));
        } catch (IOException | RuntimeException e) {
            // Best effort: the environment table then says "unknown".
        }
        return env;
    }

    private static String text(JsonObject o, String key) {
        return o.has(key) && !o.get(key).isJsonNull() ? o.get(key).getAsString() : "unknown";
    }

    /** Reads any JSON file leniently to decide whether it is JMH output; false on any error. */
    public static boolean looksLikeJmh(Path file) {
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return isJmhResultArray(JsonParser.parseReader(r));
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

}
