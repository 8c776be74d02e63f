package org.epocharena.store.run;

import java.util.List;

/**
 * One measured figure of a run: one JMH result's primary metric ({@code metric} "") or one of its
 * secondary metrics, for one implementation at one point (params, threads).
 *
 * @param sourceFile the raw/ file it came from
 * @param harness    the harness name (manifest.json, else the package after org.epocharena.bench.)
 * @param benchmark  JMH's fully qualified benchmark method
 * @param impl       the allocator measured: the {@code impl} param, or {@code kind}/{@code baseline} in old runs
 * @param baseline   true for a baseline a user would pick instead of an arena design
 * @param params     every other param, "name=value" sorted and comma separated, "" when none
 * @param mode       JMH's mode: thrpt, avgt, sample, ss
 * @param threads    the thread count (the manifest's threadsParam, else {@code workers}, else JMH's threads)
 * @param metric     "" for JMH's primary result, else the secondary result's name (p0.99 becomes p99)
 * @param score      JMH's score
 * @param error      JMH's 99.9% error, computed the same way from the samples when JMH left it out
 * @param samples    per fork, the per-iteration values (SampleTime primaries: the iteration's mean)
 */
public record Figure(String sourceFile, String harness, String benchmark, String impl, boolean baseline, String params,
                     String mode, int threads, String metric, String unit, double score, double error,
                     List<double[]> samples) {
}
