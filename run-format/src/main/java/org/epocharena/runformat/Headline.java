package org.epocharena.runformat;

/**
 * A figure a harness is judged on, with every default filled in (see {@link Catalog#headlines}).
 *
 * @param harness       the harness
 * @param id            short id ("throughput", "heapBytes")
 * @param label         what the figure is, in a reviewer's words ("allocations/s")
 * @param metric        measurement metric: "score" for the primary result, else the secondary name
 * @param higherBetter  true when more is better
 * @param unit          the unit the manifest states ("" when unknown: the measurement's)
 * @param floorRelative below this relative difference two figures are the same
 * @param floorAbsolute below this absolute difference (in the measurement's unit) two figures are the same
 * @param benchmark     the benchmark its figures come from ("Class.method", or "HdrHistogram"); null: any
 *                      benchmark of the harness (old runs without a manifest). Other methods of the same
 *                      class, such as controls, are not the harness's headline.
 */
public record Headline(String harness, String id, String label, String metric, boolean higherBetter, String unit,
                       double floorRelative, double floorAbsolute, String benchmark) {

    /** True when {@code a} and {@code b} differ by more than both floors: a difference worth a word. */
    public boolean practicallyDifferent(double a, double b) {
        double diff = Math.abs(a - b);
        double larger = Math.max(Math.abs(a), Math.abs(b));
        return diff > floorAbsolute && diff > floorRelative * larger;
    }

    /** Whether {@code m} is one of this headline's figures. */
    public boolean matches(Measurement m) {
        return m.harness().equals(harness) && m.metric().equals(metric)
                && (benchmark == null || benchmark.equals(m.benchmark()));
    }
}
