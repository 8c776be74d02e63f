package org.epocharena.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.epocharena.Design;
import org.epocharena.ArenaOutOfMemoryException;
import org.epocharena.EpochArena;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Contract rule 6: the out-of-memory message names size, free bytes, capacity, epoch and (when a pin
 * holds memory) the oldest pinned epoch; tryAllocate returns OUT_OF_MEMORY; a failed allocation
 * changes nothing, and the same request succeeds after the reclaim that frees the space.
 */
class OutOfMemoryRuleTest {

    /** Fills the arena with 100-byte blocks and returns their canaries. */
    private static List<Canary> fill(EpochArena arena) {
        List<Canary> blocks = new ArrayList<>();
        long h;
        while ((h = arena.tryAllocate(100)) != EpochArena.OUT_OF_MEMORY) {
            blocks.add(Canary.fill(arena, h, blocks.size()));
        }
        return blocks;
    }

    private static void assertUnchanged(EpochArena arena, List<Canary> blocks, long used, long epoch) {
        assertThat(arena.usedBytes()).isEqualTo(used);
        assertThat(arena.epoch()).isEqualTo(epoch);
        for (Canary canary : blocks) {
            assertThat(arena.isLive(canary.handle())).isTrue();
            canary.verify(arena);
        }
    }

    @ParameterizedTest
    @MethodSource("org.epocharena.Design#all")
    void messageNamesSizeFreeBytesCapacityAndEpoch_andNothingChanges(Design kind) {
        try (EpochArena arena = kind.create(1000)) {
            for (int i = 0; i < 6; i++) {
                arena.reclaim();
            }
            List<Canary> blocks = fill(arena);
            long used = arena.usedBytes();
            long epoch = arena.epoch();
            assertThat(epoch).isEqualTo(7);
            long free = arena.capacity() - used;

            assertThatThrownBy(() -> arena.allocate(1000))
                    .isInstanceOf(ArenaOutOfMemoryException.class)
                    .hasMessageStartingWith("Out of memory")
                    .hasMessageContaining("1000")
                    .hasMessageContaining(free + " bytes free")
                    .hasMessageContaining("capacity 1000")
                    .hasMessageContaining("epoch 7");
            assertUnchanged(arena, blocks, used, epoch);
            assertThat(arena.tryAllocate(1000)).isEqualTo(EpochArena.OUT_OF_MEMORY);
            assertUnchanged(arena, blocks, used, epoch);

            assertThat(arena.reclaim()).isEqualTo(8);
            long h = arena.allocate(1000);
            assertThat(arena.epochOf(h)).isEqualTo(8);
            Canary.fill(arena, h, 99).verify(arena);
        }
    }

    @ParameterizedTest
    @MethodSource("org.epocharena.Design#all")
    void whenAPinHoldsTheMemoryTheMessageNamesTheOldestPinnedEpoch(Design kind) throws InterruptedException {
        try (EpochArena arena = kind.create(1000)) {
            arena.reclaim();
            arena.reclaim();
            PinHolder<List<Canary>> holder = PinHolder.start(arena, "pinned at 3", OutOfMemoryRuleTest::fill);
            assertThat(holder.pinnedEpoch()).isEqualTo(3);
            arena.reclaim();
            arena.reclaim();
            long used = arena.usedBytes();

            assertThatThrownBy(() -> arena.allocate(200))
                    .isInstanceOf(ArenaOutOfMemoryException.class)
                    .hasMessageStartingWith("Out of memory")
                    .hasMessageContaining("200")
                    .hasMessageContaining("epoch 5")
                    .hasMessageContaining("oldest pinned epoch 3");
            assertThat(arena.tryAllocate(200)).isEqualTo(EpochArena.OUT_OF_MEMORY);
            assertUnchanged(arena, holder.result(), used, 5);

            holder.releaseAndJoin();
            assertThat(arena.tryAllocate(200)).as("release alone frees nothing").isEqualTo(EpochArena.OUT_OF_MEMORY);
            arena.reclaim();
            assertThat(arena.epochOf(arena.allocate(200))).isEqualTo(6);
        }
    }

    @ParameterizedTest
    @MethodSource("org.epocharena.Design#all")
    void aFailedAllocationLeavesTheArenaFullyUsable(Design kind) {
        try (EpochArena arena = kind.create(1000)) {
            List<Canary> blocks = fill(arena);
            long used = arena.usedBytes();
            for (int i = 0; i < 100; i++) {
                assertThat(arena.tryAllocate(1024)).isEqualTo(EpochArena.OUT_OF_MEMORY);
                assertThatThrownBy(() -> arena.allocate(512)).isInstanceOf(ArenaOutOfMemoryException.class);
            }
            assertUnchanged(arena, blocks, used, 1);
            if (arena.wasteBound() == 0) {
                // Fill used 100-byte blocks; exactly what is left still fits.
                int rest = (int) (arena.capacity() - used);
                if (rest >= EpochArena.MIN_BLOCK) {
                    assertThat(arena.tryAllocate(rest)).isNotEqualTo(EpochArena.OUT_OF_MEMORY);
                }
            }
            arena.reclaim();
            assertThat(arena.usedBytes()).isZero();
            assertThat(fill(arena)).hasSameSizeAs(blocks);
        }
    }
}
