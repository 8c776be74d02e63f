package org.epocharena.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.epocharena.Design;
import org.epocharena.ArenaLimits;
import org.epocharena.EpochArena;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Contract rule 7: 16 &lt;= capacity &lt;= Integer.MAX_VALUE - 8, otherwise an IAE naming bounds and value. */
class CapacityRuleTest {
    private static final int[] BAD_CAPACITIES = {15, 0, -1, Integer.MAX_VALUE - 7, Integer.MAX_VALUE};

    @ParameterizedTest
    @MethodSource("org.epocharena.Design#all")
    void capacityOutsideTheBoundsIsRejectedNamingBoundsAndValue(Design kind) {
        for (int capacity : BAD_CAPACITIES) {
            assertThatThrownBy(() -> kind.create(capacity))
                    .as("capacity %d", capacity)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("16")
                    .hasMessageContaining(String.valueOf(ArenaLimits.MAX_CAPACITY))
                    .hasMessageContaining(String.valueOf(capacity));
        }
    }

    @ParameterizedTest
    @MethodSource("org.epocharena.Design#all")
    void smallestCapacityHoldsOneSmallestBlock(Design kind) {
        try (EpochArena arena = kind.create(ArenaLimits.MIN_CAPACITY)) {
            assertThat(arena.capacity()).isEqualTo(16);
            long handle = arena.tryAllocate(16);
            if (arena.wasteBound() == 0) {
                assertThat(handle).isNotEqualTo(EpochArena.OUT_OF_MEMORY);
            }
            if (handle != EpochArena.OUT_OF_MEMORY) {
                Canary.fill(arena, handle, 1).verify(arena);
            }
            assertThat(arena.tryAllocate(16)).isEqualTo(EpochArena.OUT_OF_MEMORY);
        }
    }
}
