package org.epocharena.bench.throughput;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.epocharena.ArenaKind;
import org.epocharena.bench.baseline.Baseline;
import org.epocharena.bench.baseline.NettyLane;
import org.epocharena.bench.workload.EpochAllocator;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The throughput harness's states as JMH drives them (trial setup, iterations of batches, teardown),
 * for every design and baseline: each credited batch was really completed by the workers, and the
 * fairness figures describe the pool. Many workers on 2 cores, so the oversubscribed path is the one tested.
 */
class ThroughputWorkloadTest {

    @ParameterizedTest
    @EnumSource(ArenaKind.class)
    void arenaWorkersCompleteEveryCreditedOperation(ArenaKind kind) throws InterruptedException {
        ThroughputBenchmark.ArenaWorkers s = new ThroughputBenchmark.ArenaWorkers();
        s.kind = kind;
        s.workers = 64;
        s.reclaim = ThroughputBenchmark.Reclaim.DEDICATED;
        s.mix = org.epocharena.bench.workload.SizeMix.MIXED;
        s.start();
        ThroughputBenchmark bench = new ThroughputBenchmark();
        try {
            long before = s.pool.total();
            s.begin();
            for (int i = 0; i < 5; i++) {
                bench.arena(s);
            }
            assertThat(s.pool.total() - before).isGreaterThanOrEqualTo(5L * ThroughputBenchmark.BATCH);
            assertThat(s.window.fairness().max()).isPositive();
        } finally {
            s.stop();
        }
        assertThatThrownBy(s.arena::epoch).as("the arena is closed at teardown").isInstanceOf(IllegalStateException.class);
    }

    @ParameterizedTest
    @EnumSource(Baseline.class)
    void baselineWorkersCompleteEveryCreditedOperation(Baseline baseline) {
        ThroughputBenchmark.BaselineWorkers s = new ThroughputBenchmark.BaselineWorkers();
        s.baseline = baseline;
        s.workers = 16;
        s.mix = org.epocharena.bench.workload.SizeMix.MIXED;
        s.start();
        ThroughputBenchmark bench = new ThroughputBenchmark();
        try {
            long before = s.pool.total();
            s.begin();
            for (int i = 0; i < 5; i++) {
                bench.baseline(s);
            }
            assertThat(s.pool.total() - before).isGreaterThanOrEqualTo(5L * ThroughputBenchmark.BATCH);
        } finally {
            s.stop();
        }
        assertThat(s.lanes).hasSize(16);
        for (EpochAllocator lane : s.lanes) {
            if (lane instanceof NettyLane netty) {
                assertThat(netty.liveBlocks()).as("no Netty buffer left unreleased").isZero();
            }
        }
    }
}
