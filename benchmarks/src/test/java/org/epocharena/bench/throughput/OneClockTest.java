package org.epocharena.bench.throughput;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Collection;
import org.epocharena.bench.alloc.Impls;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * One clock at 1024 workers: the throughput score ({@code operations}) times the measured wall time
 * agrees with the operations the pool really completed in that time, within the score's own error.
 * The reference is taken outside JMH, by the state's iteration setup and teardown (the pool's total
 * and {@code System.nanoTime()} at both ends of each measured iteration);
 * nothing here asserts how fast anything is. (Iteration by iteration the wider reference span is too
 * noisy on a shared 2-core machine to compare; the whole trial is not.) A real JMH run in this JVM
 * ({@code -f 0}), a few hundred milliseconds of measurement.
 */
class OneClockTest {

    @Test
    void scoreTimesWallTimeEqualsTheCountedOperationsAt1024Workers() throws Exception {
        System.setProperty("jmh.ignoreLock", "true");
        ThroughputBenchmark.Workers.recordSpans(true);
        Options options = new OptionsBuilder()
                .include("^" + ThroughputBenchmark.class.getName().replace(".", "\\.") + "\\.run$")
                .forks(0).warmupIterations(1).warmupTime(TimeValue.milliseconds(100))
                .measurementIterations(3).measurementTime(TimeValue.milliseconds(200))
                .param("impl", Impls.DEFAULT).param("workers", "1024").param("reclaim", "WORKERS")
                .param("poolMiB", "32").shouldFailOnError(true).build();
        Collection<RunResult> results;
        try {
            results = new Runner(options).run();
        } finally {
            ThroughputBenchmark.Workers.recordSpans(false);
        }
        RunResult run = results.iterator().next();
        Result<?> operations = run.getAggregatedResult().getSecondaryResults().get("operations");
        assertThat(operations).as("the one-clock figure").isNotNull();

        double total = 0;
        double seconds = 0;
        for (long[] span : ThroughputBenchmark.Workers.spans()) {
            total += span[0];
            seconds += span[1] / 1e9;
        }
        assertThat(ThroughputBenchmark.Workers.spans()).hasSize(3);
        double reference = total / seconds;
        double score = operations.getScore();
        double error = Double.isNaN(operations.getScoreError()) ? 0 : operations.getScoreError();
        // The reference span is a little wider than JMH's (setup to teardown): allow 5% besides the error.
        assertThat(Math.abs(score - reference)).as("score %.0f ± %.0f against %.0f counted ops/s", score, error, reference)
                .isLessThanOrEqualTo(error + 0.05 * reference);
    }
}
