package org.epocharena.bench.throughput;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.epocharena.bench.alloc.Impl;
import org.epocharena.bench.alloc.RunnableImpls;
import org.epocharena.bench.workload.SizeMix;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The throughput harness's state as JMH drives it (trial setup, iterations of batches, teardown), for
 * every design and baseline and both epoch shapes: each credited batch was really completed by the
 * workers, the one-clock count is what the pool did between the first and last invocation, and
 * fairness describes the pool. 64 workers on 2 cores, so the oversubscribed path is the one tested.
 */
class ThroughputWorkloadTest {

    static List<Impl> impls() {
        return RunnableImpls.all();
    }

    @ParameterizedTest
    @MethodSource("impls")
    void workersCompleteEveryCreditedOperationAndTheClockCountsThem(Impl impl) throws InterruptedException {
        for (ThroughputBenchmark.Reclaim reclaim : ThroughputBenchmark.Reclaim.values()) {
            ThroughputBenchmark.Workers s = new ThroughputBenchmark.Workers();
            s.impl = impl.name();
            s.workers = 64;
            s.reclaim = reclaim;
            s.mix = SizeMix.MIXED;
            s.poolMiB = 32;
            s.start();
            ThroughputBenchmark bench = new ThroughputBenchmark();
            ThroughputBenchmark.Clock clock = new ThroughputBenchmark.Clock();
            org.openjdk.jmh.infra.Control control = new org.openjdk.jmh.infra.Control();
            control.startMeasurement = true;
            try {
                s.begin(null);
                clock.reset();
                long last = 0;
                for (int i = 0; i < 5; i++) {
                    bench.run(s, clock, control);
                    assertThat(clock.operations).as("the clock only grows").isGreaterThanOrEqualTo(last);
                    last = clock.operations;
                }
                assertThat(clock.operations).isGreaterThanOrEqualTo(5L * ThroughputBenchmark.BATCH)
                        .isEqualTo(s.window.spanOperations());
                s.end();
                assertThat(s.window.fairness().max()).isPositive();
            } finally {
                s.stop();
            }
        }
    }

    @org.junit.jupiter.api.Test
    void aPoolSizeNoArenaCanHaveIsRejectedNamingTheValueAndTheBound() {
        for (int poolMiB : new int[] {0, -1, 2048}) {
            ThroughputBenchmark.Workers s = new ThroughputBenchmark.Workers();
            s.impl = org.epocharena.ArenaKind.THREAD_CHUNKS.name();
            s.workers = 1;
            s.reclaim = ThroughputBenchmark.Reclaim.WORKERS;
            s.mix = SizeMix.MIXED;
            s.poolMiB = poolMiB;
            org.assertj.core.api.Assertions.assertThatThrownBy(s::start).as("poolMiB %d", poolMiB)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining(String.valueOf(poolMiB)).hasMessageContaining("2047");
        }
    }
}
