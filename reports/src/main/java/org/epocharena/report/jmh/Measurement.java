package org.epocharena.report.jmh;

import java.util.Map;

/**
 * One measured point: the unit of every later step (CSV row, chart point, verdict, comparison).
 * Keeps the per-iteration samples because the comparison and the verdict's uncertainty are computed
 * from them, not from JMH's pre-aggregated error.
 *
 * @param harness        harness id (package segment after org.epocharena.bench.)
 * @param benchmark      simple name Class.method
 * @param implementation ArenaKind or Baseline name (or the method name when neither param exists)
 * @param baseline       true for a baseline (JVM_NEW, NETTY_HEAP...), not an arena design
 * @param threads        the {@code workers} param when present, else JMH's thread count
 * @param params         every JMH param, sorted by name
 * @param mode           JMH mode (thrpt, avgt, sample, ss) or "hdr" for HdrHistogram files
 * @param metric         "score" for the primary metric, "p99" etc. for percentiles, else the secondary name
 * @param value          the figure
 * @param error          half-width of its 99.9% confidence interval; NaN when unknown
 * @param unit           JMH's unit string
 * @param samples        per-iteration values across forks (may be empty)
 * @param source         the file it came from (name only)
 */
public record Measurement(String harness, String benchmark, String implementation, boolean baseline,
                          int threads, Map<String, String> params, String mode, String metric,
                          double value, double error, String unit, double[] samples, String source) {

    /** Params are kept sorted: {@link #key()} and the CSV text must not depend on a map's iteration order. */
    public Measurement {
        params = java.util.Collections.unmodifiableSortedMap(new java.util.TreeMap<>(params));
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
            if (!k.equals("kind") && !k.equals("baseline") && !k.equals("workers")) {
                sb.append(sb.length() == 0 ? "" : " ").append(k).append('=').append(v);
            }
        });
        return sb.toString();
    }
}
