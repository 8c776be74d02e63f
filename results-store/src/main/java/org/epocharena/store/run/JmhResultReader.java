package org.epocharena.store.run;

import static org.epocharena.report.jmh.JmhJsonParser.harnessOf;
import static org.epocharena.report.jmh.JmhJsonParser.number;
import static org.epocharena.report.jmh.JmhJsonParser.percentileName;
import static org.epocharena.report.jmh.JmhJsonParser.rawData;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.apache.commons.statistics.distribution.TDistribution;

/**
 * Reads one JMH result file ({@code -rf json}) into {@link Figure}s: the primary result and every
 * secondary result of every benchmark, with the per-fork, per-iteration raw data. Strict: a file that
 * is not JMH's result array is refused whole, naming the file, never half-read.
 */
final class JmhResultReader {
    /** The param naming the allocator: {@code impl} now, {@code kind}/{@code baseline} in runs before the manifest. */
    private static final List<String> IMPL_PARAMS = List.of("impl", "kind", "baseline");
    /** JMH reports a 99.9% confidence interval; errors the store derives use the same level. */
    private static final double JMH_CONFIDENCE = 0.999;

    private JmhResultReader() {
    }

    static List<Figure> read(String json, String file, Manifest manifest) {
        JsonElement root;
        try {
            root = JsonParser.parseString(json);
        } catch (JsonParseException e) {
            throw new BadRunException(file + ": not valid JSON (truncated or corrupt): " + rootMessage(e), e);
        }
        if (!root.isJsonArray() || root.getAsJsonArray().isEmpty()) {
            throw new BadRunException(file + ": not a JMH result file (expected a non-empty JSON array of results)");
        }
        List<Figure> out = new ArrayList<>();
        int index = 0;
        for (JsonElement e : root.getAsJsonArray()) {
            if (!e.isJsonObject() || !e.getAsJsonObject().has("benchmark") || !e.getAsJsonObject().has("mode")
                    || !e.getAsJsonObject().has("primaryMetric")) {
                throw new BadRunException(file + ": result " + index + " is not a JMH result (needs \"benchmark\", "
                        + "\"mode\" and \"primaryMetric\")");
            }
            try {
                result(e.getAsJsonObject(), file, manifest, out);
            } catch (BadRunException ex) {
                throw ex;
            } catch (RuntimeException ex) {
                throw new BadRunException(file + ": malformed JMH result " + index + ": " + ex, ex);
            }
            index++;
        }
        return out;
    }

    private static void result(JsonObject r, String file, Manifest manifest, List<Figure> out) {
        String benchmark = r.get("benchmark").getAsString();
        String mode = r.get("mode").getAsString();
        Map<String, String> params = new TreeMap<>();
        if (r.has("params")) {
            r.getAsJsonObject("params").entrySet().forEach(p -> params.put(p.getKey(), p.getValue().getAsString()));
        }
        String implParam = IMPL_PARAMS.stream().filter(params::containsKey).findFirst().orElse(null);
        String impl = implParam == null ? benchmark.substring(benchmark.lastIndexOf('.') + 1) : params.get(implParam);
        boolean baseline = manifest.baseline(impl).orElse("baseline".equals(implParam));
        String threadsParam = manifest.threadsParam(benchmark).orElse(params.containsKey("workers") ? "workers" : null);
        int threads = threadsParam != null && params.containsKey(threadsParam) ? Integer.parseInt(params.get(threadsParam))
                : r.get("threads").getAsInt();
        Set<String> notKey = new java.util.HashSet<>(IMPL_PARAMS);
        if (threadsParam != null) {
            notKey.add(threadsParam);
        }
        String key = params.entrySet().stream().filter(p -> !notKey.contains(p.getKey()))
                .map(p -> p.getKey() + "=" + p.getValue()).collect(Collectors.joining(","));
        String harness = manifest.harness(benchmark).orElse(harnessOf(benchmark));

        out.add(figure(file, harness, benchmark, impl, baseline, key, mode, threads, "", r.getAsJsonObject("primaryMetric")));
        if (r.has("secondaryMetrics")) {
            for (Map.Entry<String, JsonElement> s : r.getAsJsonObject("secondaryMetrics").entrySet()) {
                out.add(figure(file, harness, benchmark, impl, baseline, key, mode, threads, metricName(s.getKey()),
                        s.getValue().getAsJsonObject()));
            }
        }
    }

    private static Figure figure(String file, String harness, String benchmark, String impl, boolean baseline,
                                 String params, String mode, int threads, String metric, JsonObject m) {
        if (!m.has("score") || !m.has("scoreUnit")) {
            throw new BadRunException(file + ": " + benchmark + " " + (metric.isEmpty() ? "primary" : metric)
                    + " result has no \"score\" or \"scoreUnit\"");
        }
        List<double[]> samples = List.of(rawData(m));
        double error = number(m.get("scoreError"));
        if (Double.isNaN(error)) {
            error = halfWidth(samples);
        }
        return new Figure(file, harness, benchmark, impl, baseline, params, mode, threads, metric,
                m.get("scoreUnit").getAsString(), number(m.get("score")), error, samples);
    }

    /** JMH's error: the half-width of the 99.9% Student-t interval of the mean; NaN below two values. */
    static double halfWidth(List<double[]> samples) {
        double[] all = samples.stream().flatMapToDouble(java.util.Arrays::stream).toArray();
        int n = all.length;
        if (n < 2) {
            return Double.NaN;
        }
        double mean = java.util.Arrays.stream(all).average().orElseThrow();
        double ss = java.util.Arrays.stream(all).map(v -> (v - mean) * (v - mean)).sum();
        double t = TDistribution.of(n - 1).inverseCumulativeProbability(1 - (1 - JMH_CONFIDENCE) / 2);
        return t * Math.sqrt(ss / (n - 1) / n);
    }

    /** "·gc.alloc.rate" (JMH up to 1.36) -> "gc.alloc.rate"; "p0.99" -> "p99", "p0.9999" -> "p99.99", "p1.00" -> "max". */
    static String metricName(String name) {
        return percentileName(name.startsWith("\u00b7") ? name.substring(1) : name);
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null) {
            t = t.getCause();
        }
        return String.valueOf(t.getMessage());
    }
}
