package org.epocharena.bench.reclaim;

import static org.assertj.core.api.Assertions.assertThat;

import org.epocharena.ArenaKind;
import org.epocharena.bench.baseline.Baseline;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The reclaim harness measures a reclaim of exactly {@code liveBlocks} blocks, and reports how many. */
class ReclaimWorkloadTest {

    @ParameterizedTest
    @EnumSource(ArenaKind.class)
    void eachInvocationReclaimsTheBlocksItsSetupPlaced(ArenaKind kind) {
        ReclaimBenchmark.ArenaLive s = new ReclaimBenchmark.ArenaLive();
        s.kind = kind;
        s.liveBlocks = 1000;
        s.open();
        try {
            ReclaimBenchmark bench = new ReclaimBenchmark();
            for (int i = 0; i < 3; i++) {
                s.refill();
                assertThat(s.live).isEqualTo(1000);
                assertThat(s.arena.usedBytes()).isGreaterThanOrEqualTo(1000L * 16);
                bench.arena(s);
                assertThat(s.arena.usedBytes()).as("the reclaim freed the epoch").isZero();
            }
            assertThat(s.fills).isEqualTo(3);
            assertThat(s.liveSum).isEqualTo(3000);
        } finally {
            s.close();
        }
    }

    @ParameterizedTest
    @EnumSource(Baseline.class)
    void baselinesEndTheirEpochTheSameWay(Baseline baseline) {
        ReclaimBenchmark.BaselineLive s = new ReclaimBenchmark.BaselineLive();
        s.baseline = baseline;
        s.liveBlocks = 1000;
        s.open();
        try {
            s.refill();
            assertThat(s.live).isEqualTo(1000);
            long epoch = new ReclaimBenchmark().baseline(s);
            s.refill();
            assertThat(new ReclaimBenchmark().baseline(s)).isEqualTo(epoch + 1);
        } finally {
            s.close();
        }
    }
}
