package org.epocharena.report.jmh;

import java.util.List;

/**
 * {@code manifest.json}, written by the suite next to {@code env.json} (schema 1): what the run set
 * out to measure and what actually ran. Read with Gson straight into these records; a field the
 * suite left out is null (or 0 / false for primitives) and {@link Catalog} fills in the defaults.
 *
 * @param schema          1
 * @param cores           cores of the benchmark machine (thread counts past it are shaded)
 * @param implementations every allocator, in the order the suite lists them (the colour order)
 * @param harnesses       every harness with the figures it is judged on
 */
public record Manifest(int schema, int cores, List<Implementation> implementations, List<Harness> harnesses) {

    /** One allocator: an arena design or a baseline a user would pick instead. */
    public record Implementation(String name, boolean baseline, String description, Boolean ran, String notRunReason) {
    }

    /**
     * One JMH harness.
     *
     * @param benchmark    the JMH benchmark method it runs (fully qualified), how results are matched to it
     * @param threadsParam the param carrying the thread count; null: JMH's {@code threads}
     * @param headlines    the figures the harness exists to measure, the ones it is judged on
     */
    public record Harness(String name, String benchmark, String question, String threadsParam, List<Headline> headlines) {
    }

    /**
     * A headline figure. Two figures are the same (practically equivalent) unless they differ by more
     * than {@code floorAbsolute} in the unit and by more than {@code floorRelative} of the larger.
     *
     * @param metric "" for JMH's primary result, else the exact secondary-result name
     * @param better "higher" or "lower"
     * @param source null for the harness's JMH results; "hdr" for the HdrHistogram interval logs the
     *               harness writes (the timed call alone, without JMH's timer in it)
     */
    public record Headline(String id, String label, String metric, String better, String unit,
                           Double floorRelative, Double floorAbsolute, String source) {
    }
}
