package org.epocharena.bench.workload;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Figures a benchmark state reports for the current iteration (a utilization, a success share),
 * picked up by {@link FiguresProfiler} as JMH secondary results. States add to it from their
 * {@code @TearDown(Level.Iteration)}, never from the measured path; values of one name are averaged
 * over the iteration.
 */
public final class Figures {
    private static final Map<String, double[]> SUMS = new LinkedHashMap<>();
    private static final Map<String, String> UNITS = new LinkedHashMap<>();

    private Figures() {
    }

    /**
     * Adds {@code count} observations with the given total, e.g. 37 successes out of 40 as
     * ("recovered", "share", 37, 40); {@code unit} is what the JSON shows beside the mean.
     */
    public static synchronized void addAll(String name, String unit, double total, long count) {
        UNITS.put(name, unit);
        double[] sum = SUMS.computeIfAbsent(name, k -> new double[2]);
        sum[0] += total;
        sum[1] += count;
    }

    /** One figure's mean over the iteration and its unit. */
    record Mean(double value, String unit) {
    }

    /** The mean of each figure since the last drain, by name, and a fresh start (for tests of the harnesses). */
    public static Map<String, Double> drainForTest() {
        Map<String, Double> values = new LinkedHashMap<>();
        drain().forEach((name, mean) -> values.put(name, mean.value()));
        return values;
    }

    /** The mean of each figure since the last drain, and a fresh start. */
    static synchronized Map<String, Mean> drain() {
        Map<String, Mean> means = new LinkedHashMap<>();
        SUMS.forEach((name, sum) -> {
            if (sum[1] > 0) {
                means.put(name, new Mean(sum[0] / sum[1], UNITS.get(name)));
            }
        });
        SUMS.clear();
        return means;
    }
}
