package org.epocharena.bench.oom;

import static org.assertj.core.api.Assertions.assertThat;

import org.epocharena.ArenaKind;
import org.epocharena.EpochArena;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The out-of-memory harness's helpers and fill state do what its figures assume, for every design. */
class OomWorkloadTest {

    @ParameterizedTest
    @EnumSource(ArenaKind.class)
    void severalThreadsFillToTheFirstFailureAndReportTheBytesPlaced(ArenaKind kind) {
        int capacity = 256 << 10;
        try (EpochArena arena = kind.create(capacity); FillCrew crew = new FillCrew(4, capacity)) {
            long bytes = crew.run(arena, Long.MAX_VALUE);
            assertThat(bytes).isPositive().isLessThanOrEqualTo(capacity);
            assertThat(arena.usedBytes()).isGreaterThanOrEqualTo(bytes);
            assertThat(bytes).as("SPEC's fill rule: at least capacity - wasteBound - one largest block")
                    .isGreaterThanOrEqualTo(capacity - arena.wasteBound() - 4L * EpochArena.MAX_BLOCK);
            arena.reclaim();
            assertThat(crew.run(arena, 1000)).as("a budget stops each thread near it")
                    .isBetween(4L * 1000, 4L * (1000 + EpochArena.MAX_BLOCK));
        }
    }

    @ParameterizedTest
    @EnumSource(ArenaKind.class)
    void withAnOlderEpochPinnedTheUsableCapacityExcludesWhatThePinHolds(ArenaKind kind) {
        OutOfMemoryBenchmark.FillState s = new OutOfMemoryBenchmark.FillState();
        s.impl = kind.name();
        s.fillers = 2;
        s.start = OutOfMemoryBenchmark.Start.PINNED_OLDER;
        s.open();
        try {
            OutOfMemoryBenchmark bench = new OutOfMemoryBenchmark();
            for (int i = 0; i < 3; i++) {
                s.prepare();
                assertThat(s.usable).isLessThan(OutOfMemoryBenchmark.CAPACITY)
                        .isGreaterThan(OutOfMemoryBenchmark.CAPACITY / 2);
                long placed = bench.fill(s);
                assertThat(placed).isPositive().isLessThanOrEqualTo(s.usable);
                s.release();
            }
            assertThat(s.fills).isEqualTo(3);
            assertThat(s.utilizationSum / s.fills).isBetween(0.0, 1.0);
        } finally {
            s.close();
        }
    }

    @ParameterizedTest
    @EnumSource(ArenaKind.class)
    void fillCompletelyLeavesNoRoomForEvenTheSmallestBlock(ArenaKind kind) {
        try (EpochArena arena = kind.create(64 << 10)) {
            OutOfMemoryBenchmark.fillCompletely(arena);
            assertThat(arena.tryAllocate(EpochArena.MIN_BLOCK)).isEqualTo(EpochArena.OUT_OF_MEMORY);
        }
    }

    @ParameterizedTest
    @EnumSource(ArenaKind.class)
    void aStalledPinKeepsItsEpochUntilReleased(ArenaKind kind) {
        try (EpochArena arena = kind.create(64 << 10); StalledPin stalled = new StalledPin(arena)) {
            stalled.pin();
            long held = arena.allocate(64);
            arena.reclaim();
            arena.reclaim();
            assertThat(arena.isLive(held)).as("kept by the stalled thread's pin").isTrue();
            stalled.unpin();
            arena.reclaim();
            assertThat(arena.isLive(held)).isFalse();
        }
    }
}
