package org.epocharena.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import org.epocharena.ArenaKind;
import org.epocharena.EpochArena;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * "How full an arena can get": wasteBound() is 0 for every design that matches the reference, and a
 * small share of the pool for the others (stripe or chunk tails, chunks other threads hold). "Small"
 * is pinned here at one eighth for pools of 1 MiB and more, a choice of this suite (the contract only
 * says "a small share"), so a layout that wastes more fails loudly instead of silently eating the
 * out-of-memory benchmark.
 */
class WasteBoundTest {
    private static final int SMALL_SHARE = 8;

    @ParameterizedTest
    @MethodSource("org.epocharena.Kinds#matchingReference")
    void placesWithoutWaste(ArenaKind kind) {
        for (int capacity : new int[] {16, 100, 4096, 1 << 20}) {
            try (EpochArena arena = kind.create(capacity)) {
                assertThat(arena.wasteBound()).as("%s at %d", kind, capacity).isZero();
            }
        }
    }

    @ParameterizedTest
    @EnumSource(ArenaKind.class)
    void wastesASmallShareOfALargePool(ArenaKind kind) {
        for (int capacity : new int[] {1 << 20, 16 << 20}) {
            try (EpochArena arena = kind.create(capacity)) {
                assertThat(arena.wasteBound()).as("%s wasteBound at capacity %d", kind, capacity)
                        .isBetween(0L, (long) capacity / SMALL_SHARE);
            }
        }
    }
}
