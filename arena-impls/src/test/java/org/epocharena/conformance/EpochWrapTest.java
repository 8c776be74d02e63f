package org.epocharena.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.epocharena.ArenaDiagnostics;
import org.epocharena.Design;
import org.epocharena.ArenaLimits;
import org.epocharena.EpochArena;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Contract rule 5: a freed block's handle never reads as live again, however many epochs pass, and
 * epoch counters wrap nowhere a user can see. {@link ArenaDiagnostics#reclaim(long)} crosses the
 * epochs where a 32-bit (or wider) counter would wrap without making 2^32 calls: a block placed at
 * the same offset exactly 2^32, 2^36 or 2^40 epochs after a freed one must not make the freed one's
 * handle live, and blocks keep their true epoch up to the largest epoch an arena reaches.
 */
class EpochWrapTest {
    private static final int CAPACITY = 4096;

    private static long skip(EpochArena arena, long epochs) {
        return ((ArenaDiagnostics) arena).reclaim(epochs);
    }

    @ParameterizedTest
    @MethodSource("org.epocharena.Design#all")
    void aFreedBlocksHandleStaysDeadWhenItsEpochComesRoundAgain(Design kind) {
        for (int bits : new int[] {32, 36, 40}) {
            try (EpochArena arena = kind.create(CAPACITY)) {
                long stale = arena.allocate(64);   // epoch 1, offset 0 in every design
                assertThat(skip(arena, 1L << bits)).isEqualTo(1 + (1L << bits));
                long fresh = arena.allocate(64);
                Canary block = Canary.fill(arena, fresh, 7);
                assertThat(arena.epochOf(fresh)).isEqualTo(1 + (1L << bits));
                assertThat(arena.isLive(stale)).as("%s: handle of epoch 1 after 2^%d epochs", kind, bits).isFalse();
                assertThatThrownBy(() -> arena.putByte(stale, 0, (byte) 1))
                        .as("%s: write through the epoch-1 handle after 2^%d epochs", kind, bits)
                        .isInstanceOf(IllegalStateException.class).hasMessageContaining("reclaimed");
                block.verify(arena);
                assertThat(arena.isLive(fresh)).isTrue();
            }
        }
    }

    @ParameterizedTest
    @MethodSource("org.epocharena.Design#all")
    void blocksKeepTheirTrueEpochUpToTheLargestEpoch(Design kind) {
        try (EpochArena arena = kind.create(CAPACITY)) {
            skip(arena, ArenaLimits.MAX_EPOCH - 4);   // now at MAX_EPOCH - 3
            List<Long> freed = new ArrayList<>();
            for (long epoch = ArenaLimits.MAX_EPOCH - 3; epoch <= ArenaLimits.MAX_EPOCH; epoch++) {
                assertThat(arena.epoch()).isEqualTo(epoch);
                long handle = arena.allocate(100);
                Canary block = Canary.fill(arena, handle, epoch);
                assertThat(arena.epochOf(handle)).isEqualTo(epoch);
                assertThat(arena.isLive(handle)).isTrue();
                block.verify(arena);
                for (long old : freed) {
                    assertThat(arena.isLive(old)).as("%s: freed handle in epoch %d", kind, epoch).isFalse();
                }
                freed.add(handle);
                if (epoch < ArenaLimits.MAX_EPOCH) {
                    assertThat(arena.reclaim()).isEqualTo(epoch + 1);
                    assertThat(arena.usedBytes()).isZero();
                }
            }
            assertThatThrownBy(arena::reclaim).as("%s: reclaim past the largest epoch", kind)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining(String.valueOf(ArenaLimits.MAX_EPOCH));
            assertThat(arena.epoch()).isEqualTo(ArenaLimits.MAX_EPOCH);
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {16, 128 * 1024, 128 * 1024 + 1, 1 << 20, 1 << 30, (1 << 30) + 1, ArenaLimits.MAX_CAPACITY})
    void theLastEpochIsWhereAHandlesEpochBitsEnd(int capacity) {
        // A handle is a non-negative long: granule bits, then as many epoch bits as are left (at most 50).
        int granuleBits = 32 - Integer.numberOfLeadingZeros((capacity - 1) >>> 4);
        int epochBits = Math.min(50, 63 - granuleBits);
        assertThat(ArenaLimits.maxEpoch(capacity)).isEqualTo((1L << epochBits) - 1);
        assertThat(epochBits).isBetween(36, 50);
    }

    /**
     * On a 1 MiB pool a handle has 47 epoch bits: the arena's epochs stop at 2^47 - 1, so no later block
     * can carry a freed block's epoch bits; the reclaim past it throws naming the bound and changes nothing.
     */
    @ParameterizedTest
    @MethodSource("org.epocharena.Design#all")
    void epochsStopBeforeAHandlesEpochBitsWouldRepeat(Design kind) {
        int capacity = 1 << 20;
        long last = ArenaLimits.maxEpoch(capacity);
        assertThat(last).isEqualTo((1L << 47) - 1);
        try (EpochArena arena = kind.create(capacity)) {
            long stale = arena.allocate(64);
            assertThat(skip(arena, last - 1)).isEqualTo(last);
            long fresh = arena.allocate(64);
            assertThat(arena.epochOf(fresh)).isEqualTo(last);
            assertThat(arena.isLive(stale)).isFalse();
            assertThatThrownBy(arena::reclaim).as("%s: reclaim past 2^47 - 1 on a 1 MiB pool", kind)
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(String.valueOf(last));
            assertThat(arena.epoch()).isEqualTo(last);
            assertThat(arena.isLive(fresh)).isTrue();
        }
    }
}
