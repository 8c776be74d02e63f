package org.epocharena.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import org.epocharena.ArenaKind;
import org.epocharena.EpochArena;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * "How full an arena can get": wasteBound() is 0 for every design but STRIPED, whose bound must
 * be a small share of the pool. "Small" is pinned here at one eighth for pools of 1 MiB and more,
 * a choice of this suite (SPEC only says "a small share"), so a stripe layout that wastes more
 * fails loudly instead of silently eating the out-of-memory benchmark.
 */
class WasteBoundTest {
    private static final int SMALL_SHARE = 8;

    @ParameterizedTest
    @EnumSource(value = ArenaKind.class, names = "STRIPED", mode = EnumSource.Mode.EXCLUDE)
    void placesWithoutWaste(ArenaKind kind) {
        for (int capacity : new int[] {16, 100, 4096, 1 << 20}) {
            try (EpochArena arena = kind.create(capacity)) {
                assertThat(arena.wasteBound()).as("%s at %d", kind, capacity).isZero();
            }
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {1 << 20, 16 << 20})
    void stripedWastesASmallShare(int capacity) {
        try (EpochArena arena = ArenaKind.STRIPED.create(capacity)) {
            assertThat(arena.wasteBound()).isBetween(0L, (long) capacity / SMALL_SHARE);
            System.out.printf("STRIPED wasteBound at capacity %d: %d (%.2f%%)%n", capacity, arena.wasteBound(),
                    100.0 * arena.wasteBound() / capacity);
        }
    }
}
