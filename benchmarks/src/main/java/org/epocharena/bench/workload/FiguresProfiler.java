package org.epocharena.bench.workload;

import java.util.ArrayList;
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
 * Turns the {@link Figures} of each iteration into JMH secondary results, averaged over iterations
 * and forks like the primary score. Why not {@code @AuxCounters}: JMH sums {@code EVENTS} counters
 * over iterations (a share or a utilization would add up past 1) and {@code OPERATIONS} divides by
 * time. The suite adds this profiler to every run; alone: {@code -prof
 * org.epocharena.bench.workload.FiguresProfiler}.
 */
public final class FiguresProfiler implements InternalProfiler {
    @Override
    public String getDescription() {
        return "epocharena figures (utilization, success shares) as secondary results";
    }

    @Override
    public void beforeIteration(BenchmarkParams benchmarkParams, IterationParams iterationParams) {
        Figures.drain();
    }

    @Override
    public Collection<? extends Result> afterIteration(BenchmarkParams benchmarkParams,
                                                       IterationParams iterationParams, IterationResult result) {
        List<Result> results = new ArrayList<>();
        Figures.drain().forEach((name, mean) ->
                results.add(new ScalarResult(name, mean.value(), mean.unit(), AggregationPolicy.AVG)));
        return results;
    }
}
