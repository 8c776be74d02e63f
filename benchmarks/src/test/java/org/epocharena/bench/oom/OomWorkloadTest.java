package org.epocharena.bench.oom;

import static org.assertj.core.api.Assertions.assertThat;

import org.epocharena.ArenaKind;
import org.epocharena.EpochArena;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The out-of-memory harness's helpers do what its figures assume. */
class OomWorkloadTest {

    @ParameterizedTest
    @EnumSource(ArenaKind.class)
    void fillStopsAtTheFirstFailureAndReportsTheBytesPlaced(ArenaKind kind) {
        int capacity = 64 << 10;
        try (EpochArena arena = kind.create(capacity)) {
            Filler filler = new Filler(capacity);
            long bytes = filler.fill(arena);
            assertThat(bytes).isPositive().isLessThanOrEqualTo(capacity);
            assertThat(arena.usedBytes()).isGreaterThanOrEqualTo(bytes);
            arena.reclaim();
            assertThat(filler.fill(arena)).as("the same sequence fills the same way").isEqualTo(bytes);
        }
    }

    @ParameterizedTest
    @EnumSource(ArenaKind.class)
    void fillCompletelyLeavesNoRoomForEvenTheSmallestBlock(ArenaKind kind) {
        try (EpochArena arena = kind.create(64 << 10)) {
            Filler.fillCompletely(arena);
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
