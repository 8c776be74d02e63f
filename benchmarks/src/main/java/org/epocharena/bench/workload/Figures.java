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

    private Figures() {
    }

    /** Adds {@code count} observations with the given total, e.g. 37 successes out of 40 as (37, 40). */
    public static synchronized void addAll(String name, double total, long count) {
        double[] sum = SUMS.computeIfAbsent(name, k -> new double[2]);
        sum[0] += total;
        sum[1] += count;
    }

    /** The mean of each figure since the last drain, and a fresh start. */
    static synchronized Map<String, Double> drain() {
        Map<String, Double> means = new LinkedHashMap<>();
        SUMS.forEach((name, sum) -> {
            if (sum[1] > 0) {
                means.put(name, sum[0] / sum[1]);
            }
        });
        SUMS.clear();
        return means;
    }
}
