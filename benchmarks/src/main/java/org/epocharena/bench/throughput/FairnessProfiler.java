package org.epocharena.bench.throughput;

import java.util.Collection;
import java.util.List;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.profile.InternalProfiler;
import org.openjdk.jmh.results.AggregationPolicy;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.ScalarResult;

/**
 * Adds the worker pool's fairness in each iteration to JMH's secondary results (the JSON's
 * {@code secondaryMetrics}): operations of the least and of the median worker ({@code ops}), and the
 * share of workers with no operation at all in the iteration ({@code starvedShare}, 0..1), and the
 * share with none since the trial started ({@code neverRanShare}: 0 when every thread got to run
 * at some point, however unevenly).
 *
 * <p>Why a profiler and not {@code @AuxCounters}: JMH sums {@code EVENTS} counters over the
 * measurement iterations, which turns a minimum or a share into nonsense, and {@code OPERATIONS}
 * divides by time; a profiler's {@link ScalarResult} with {@link AggregationPolicy#AVG} is averaged
 * over iterations and forks like the primary score. The suite always adds it to throughput runs; run
 * alone with {@code -prof org.epocharena.bench.throughput.FairnessProfiler}.
 */
public final class FairnessProfiler implements InternalProfiler {
    @Override
    public String getDescription() {
        return "epocharena worker-pool fairness: min/median ops per worker, share of starved workers";
    }

    @Override
    public void beforeIteration(BenchmarkParams benchmarkParams, IterationParams iterationParams) {
    }

    @Override
    public Collection<? extends Result> afterIteration(BenchmarkParams benchmarkParams,
                                                       IterationParams iterationParams, IterationResult result) {
        Window window = Window.current();
        if (window == null) {
            return List.of();
        }
        WorkerPool.Fairness f = window.fairness();
        return List.of(
                new ScalarResult("minOpsPerWorker", f.min(), "ops", AggregationPolicy.AVG),
                new ScalarResult("medianOpsPerWorker", f.median(), "ops", AggregationPolicy.AVG),
                new ScalarResult("starvedShare", f.starvedShare(), "share", AggregationPolicy.AVG),
                new ScalarResult("neverRanShare", window.sinceStart().starvedShare(), "share", AggregationPolicy.AVG));
    }
}
