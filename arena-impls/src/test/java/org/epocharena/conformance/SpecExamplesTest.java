package org.epocharena.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.epocharena.Design;
import org.epocharena.ArenaOutOfMemoryException;
import org.epocharena.EpochArena;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The three worked examples of docs/contract.md, step by step, on the threads the contract names. */
class SpecExamplesTest {

    @ParameterizedTest
    @MethodSource("org.epocharena.Design#all")
    void example1_twoThreadsAllocate_reclaimFreesBoth_thenEpoch2(Design kind) {
        try (EpochArena arena = kind.create(1024)) {
            long a = OtherThread.call("thread 1", () -> arena.allocate(100));
            long b = OtherThread.call("thread 2", () -> arena.allocate(50));
            assertThat(arena.epochOf(a)).isEqualTo(1);
            assertThat(arena.epochOf(b)).isEqualTo(1);

            assertThat(arena.reclaim()).isEqualTo(2);
            assertThat(arena.usedBytes()).isZero();
            assertThat(arena.isLive(a)).isFalse();
            assertThat(arena.isLive(b)).isFalse();

            long c = OtherThread.call("thread 1 again", () -> arena.allocate(200));
            assertThat(arena.epochOf(c)).isEqualTo(2);
            assertThat(arena.sizeOf(c)).isEqualTo(200);
            assertThat(arena.usedBytes()).isGreaterThanOrEqualTo(200);
        }
    }

    @ParameterizedTest
    @MethodSource("org.epocharena.Design#all")
    void example2_twoBlocksFillTheArena_reclaimFreesBoth_then128Fits(Design kind) {
        try (EpochArena arena = kind.create(512)) {
            long a = OtherThread.call("thread 1", () -> arena.allocate(256));
            long b = OtherThread.call("thread 2", () -> arena.allocate(256));
            assertThat(arena.epochOf(a)).isEqualTo(1);
            assertThat(arena.epochOf(b)).isEqualTo(1);
            assertThat(arena.usedBytes()).isEqualTo(512);

            assertThat(arena.reclaim()).isEqualTo(2);
            assertThat(arena.usedBytes()).isZero();

            long c = arena.allocate(128);
            assertThat(arena.epochOf(c)).isEqualTo(2);
        }
    }

    @ParameterizedTest
    @MethodSource("org.epocharena.Design#all")
    void example3_thirdThreadFindsTheArenaFull(Design kind) {
        try (EpochArena arena = kind.create(100)) {
            OtherThread.call("thread 1", () -> arena.allocate(50));
            OtherThread.call("thread 2", () -> arena.allocate(50));

            OtherThread.run("thread 3", () -> {
                assertThatThrownBy(() -> arena.allocate(100))
                        .isInstanceOf(ArenaOutOfMemoryException.class)
                        .hasMessageStartingWith("Out of memory");
                assertThat(arena.tryAllocate(100)).isEqualTo(EpochArena.OUT_OF_MEMORY);
            });
            assertThat(arena.usedBytes()).isEqualTo(100);
        }
    }
}
