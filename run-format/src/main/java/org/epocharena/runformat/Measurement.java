package org.epocharena.runformat;

import java.util.Map;

/**
 * One measured point: the unit of every later step (CSV row, chart point, verdict, comparison).
 * Keeps the per-iteration samples because the comparison and the verdict's uncertainty are computed
 * from them, not from JMH's pre-aggregated error.
 *
 * @param harness        the manifest's harness name (for a run without one, the package segment after
 *                       org.epocharena.bench.)
 * @param benchmark      simple name Class.method, or {@link IntervalLogReader#BENCHMARK} for the interval logs
 * @param implementation ArenaKind or Baseline name (or the method name when neither param exists)
 * @param baseline       true for a baseline (JVM_NEW, NETTY_HEAP...), not an arena design
 * @param threads        the harness's thread-count param (the manifest's, else {@code workers}) when present,
 *                       else JMH's thread count
 * @param params         every JMH param, sorted by name
 * @param mode           JMH mode (thrpt, avgt, sample, ss) or "hdr" for HdrHistogram files
 * @param metric         "score" for the primary metric, "p99" etc. for percentiles, else the secondary name
 * @param value          the figure
 * @param error          half-width of its 99.9% confidence interval; NaN when unknown
 * @param unit           JMH's unit string
 * @param forks          per-iteration values, one array per fork (may be empty): forks are the
 *                       independent samples, iterations of one fork are not
 * @param source         the file it came from (name only)
 */
public record Measurement(String harness, String benchmark, String implementation, boolean baseline,
                          int threads, Map<String, String> params, String mode, String metric,
                          double value, double error, String unit, double[][] forks, String source) {

    /**
     * Params that name who was measured (the contract's impl, and kind/baseline of older runs) or how many
     * threads ran (workers, threads): shown as the implementation and the thread count, never as a setting.
     */
    public static final java.util.Set<String> IDENTITY_PARAMS = java.util.Set.of("impl", "kind", "baseline", "workers", "threads");

    /** Params are kept sorted: {@link #key()} and the CSV text must not depend on a map's iteration order. */
    public Measurement {
        params = java.util.Collections.unmodifiableSortedMap(new java.util.TreeMap<>(params));
    }

    /** Every iteration value across forks, in order. */
    public double[] samples() {
        return java.util.Arrays.stream(forks).flatMapToDouble(java.util.Arrays::stream).toArray();
    }

    /** Number of forks that produced at least one value. */
    public int forkCount() {
        return (int) java.util.Arrays.stream(forks).filter(f -> f.length > 0).count();
    }

    /** Each fork's mean: the independent samples when there are two or more forks. */
    public double[] forkMeans() {
        return java.util.Arrays.stream(forks).filter(f -> f.length > 0)
                .mapToDouble(f -> java.util.Arrays.stream(f).average().orElse(Double.NaN)).toArray();
    }

    /** Identity of the point across runs: what a baseline comparison matches on. */
    public String key() {
        return harness + '|' + benchmark + '|' + implementation + '|' + threads + '|' + params + '|' + mode + '|' + metric;
    }

    /** Which way is better for this figure, from its unit and name. */
    public Direction direction() {
        return Direction.of(metric, unit);
    }

    /** JMH params as "a=1;b=2", the way they appear in the CSV and the tables. */
    public String paramsText() {
        StringBuilder sb = new StringBuilder();
        params.forEach((k, v) -> sb.append(sb.length() == 0 ? "" : ";").append(k).append('=').append(v));
        return sb.toString();
    }

    /** Params other than the ones that pick the implementation or the thread count: the workload setting. */
    public String settingText() {
        StringBuilder sb = new StringBuilder();
        params.forEach((k, v) -> {
            if (!IDENTITY_PARAMS.contains(k)) {
                sb.append(sb.length() == 0 ? "" : " ").append(k).append('=').append(v);
            }
        });
        return sb.toString();
    }
}
