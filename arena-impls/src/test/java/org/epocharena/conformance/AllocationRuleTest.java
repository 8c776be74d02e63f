package org.epocharena.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.IntToLongFunction;
import org.epocharena.Design;
import org.epocharena.EpochArena;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Contract rule 2: live blocks never overlap and carry the epoch of their allocation; a size outside
 * 16..1024 is an IllegalArgumentException naming the bounds and the value that changes nothing.
 * Overlap is checked through content: every block gets a pattern tagged with its number and epoch,
 * and all are re-read after every other block has been written.
 */
class AllocationRuleTest {
    private static final int[] BAD_SIZES = {0, 15, 1025, -1, Integer.MIN_VALUE};

    @ParameterizedTest
    @MethodSource("org.epocharena.Design#all")
    void liveBlocksOfSeveralEpochsNeverOverlap(Design kind) {
        SplittableRandom random = new SplittableRandom(42);
        try (EpochArena arena = kind.create(256 * 1024); EpochArena.Guard pin = arena.pin()) {
            // Pinned at epoch 1, so the blocks of all four epochs stay live together.
            List<Canary> live = new ArrayList<>();
            for (int epoch = 1; epoch <= 4; epoch++) {
                for (int i = 0; i < 12; i++) {
                    int size = random.nextInt(EpochArena.MIN_BLOCK, EpochArena.MAX_BLOCK + 1);
                    long handle = arena.allocate(size);
                    assertThat(handle).isNotNegative();
                    assertThat(arena.sizeOf(handle)).isEqualTo(size);
                    assertThat(arena.epochOf(handle)).isEqualTo(epoch);
                    live.add(Canary.fill(arena, handle, live.size() * 1000L + arena.epochOf(handle)));
                }
                arena.reclaim();
            }
            for (Canary canary : live) {
                canary.verify(arena);
                assertThat(arena.isLive(canary.handle())).isTrue();
            }
        }
    }

    @ParameterizedTest
    @MethodSource("org.epocharena.Design#all")
    void blocksFillingTheArenaNeverOverlap(Design kind) {
        SplittableRandom random = new SplittableRandom(7);
        try (EpochArena arena = kind.create(16 * 1024)) {
            List<Canary> live = new ArrayList<>();
            long allocated = 0;
            while (true) {
                int size = random.nextInt(16, 200);
                long handle = arena.tryAllocate(size);
                if (handle == EpochArena.OUT_OF_MEMORY) {
                    // The fill rule allows a failure only past capacity - wasteBound.
                    assertThat(allocated + size).isGreaterThan(arena.capacity() - arena.wasteBound());
                    break;
                }
                allocated += size;
                live.add(Canary.fill(arena, handle, live.size()));
            }
            for (Canary canary : live) {
                canary.verify(arena);
            }
        }
    }

    @ParameterizedTest
    @MethodSource("org.epocharena.Design#all")
    void smallestAndLargestSizesWork(Design kind) {
        try (EpochArena arena = kind.create(4096)) {
            long small = arena.allocate(EpochArena.MIN_BLOCK);
            long large = arena.allocate(EpochArena.MAX_BLOCK);
            assertThat(arena.sizeOf(small)).isEqualTo(16);
            assertThat(arena.sizeOf(large)).isEqualTo(1024);
            Canary a = Canary.fill(arena, small, 1);
            Canary b = Canary.fill(arena, large, 2);
            a.verify(arena);
            b.verify(arena);
        }
    }

    @ParameterizedTest
    @MethodSource("org.epocharena.Design#all")
    void badSizeFromAllocateIsRejectedAndChangesNothing(Design kind) {
        badSizeIsRejectedAndChangesNothing(kind, false);
    }

    @ParameterizedTest
    @MethodSource("org.epocharena.Design#all")
    void badSizeFromTryAllocateIsRejectedAndChangesNothing(Design kind) {
        badSizeIsRejectedAndChangesNothing(kind, true);
    }

    private static void badSizeIsRejectedAndChangesNothing(Design kind, boolean viaTry) {
        try (EpochArena arena = kind.create(1024)) {
            arena.reclaim();
            Canary existing = Canary.fill(arena, arena.allocate(100), 5);
            long used = arena.usedBytes();
            long epoch = arena.epoch();
            IntToLongFunction call = viaTry ? arena::tryAllocate : arena::allocate;
            for (int size : BAD_SIZES) {
                assertThatThrownBy(() -> call.applyAsLong(size))
                        .as("size %d", size)
                        .isInstanceOf(IllegalArgumentException.class)
                        .hasMessageContaining("16")
                        .hasMessageContaining("1024")
                        .hasMessageContaining(String.valueOf(size));
                assertThat(arena.usedBytes()).isEqualTo(used);
                assertThat(arena.epoch()).isEqualTo(epoch);
                existing.verify(arena);
            }
            long probe = call.applyAsLong(16);
            assertThat(arena.epochOf(probe)).isEqualTo(epoch);
            Canary.fill(arena, probe, 6).verify(arena);
            existing.verify(arena);
        }
    }
}
