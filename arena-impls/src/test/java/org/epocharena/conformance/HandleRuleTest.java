package org.epocharena.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import org.epocharena.Design;
import org.epocharena.EpochArena;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Contract rule 5: a freed block's handle is an IllegalStateException saying its epoch was reclaimed;
 * access outside a block is an IndexOutOfBoundsException; a made-up handle (random, negative, out
 * of the pool, a live handle with any one bit flipped, which covers "+1" and "another epoch" for
 * any encoding) is rejected by every accessor and never changes a live block, checked by re-reading
 * every live block's canary after each attempt.
 */
class HandleRuleTest {

    /** Every accessor, each given a handle; all must throw for a dead or made-up handle. */
    private static List<Consumer<Long>> accessors(EpochArena arena) {
        byte[] buffer = new byte[16];
        return List.of(
                h -> arena.putByte(h, 0, (byte) 0x5A),
                h -> arena.getByte(h, 0),
                h -> arena.putLong(h, 0, 0x5A5A5A5A5A5A5A5AL),
                h -> arena.getLong(h, 0),
                h -> arena.write(h, 0, buffer, 0, 16),
                h -> arena.read(h, 0, buffer, 0, 16),
                arena::sizeOf,
                arena::epochOf);
    }

    @ParameterizedTest
    @MethodSource("org.epocharena.Design#all")
    void freedHandleIsAnIllegalStateSayingTheEpochWasReclaimed(Design kind) {
        try (EpochArena arena = kind.create(4096)) {
            long stale = arena.allocate(64);
            arena.reclaim();
            // The space is reused in epoch 2; the stale handle must not reach the new block.
            Canary reuse = Canary.fill(arena, arena.allocate(64), 2);
            for (Consumer<Long> accessor : accessors(arena)) {
                assertThatThrownBy(() -> accessor.accept(stale))
                        .isInstanceOf(IllegalStateException.class)
                        .hasMessageContaining("reclaimed")
                        .hasMessageContaining("epoch");
                reuse.verify(arena);
            }
            assertThat(arena.isLive(stale)).isFalse();
        }
    }

    @ParameterizedTest
    @MethodSource("org.epocharena.Design#all")
    void accessOutsideTheBlockIsAnIndexOutOfBounds(Design kind) {
        try (EpochArena arena = kind.create(4096)) {
            Canary before = Canary.fill(arena, arena.allocate(48), 1);
            int size = 40;
            long h = arena.allocate(size);
            Canary block = Canary.fill(arena, h, 2);
            Canary after = Canary.fill(arena, arena.allocate(48), 3);
            byte[] buffer = new byte[size + 8];
            List<Runnable> outside = List.of(
                    () -> arena.putByte(h, -1, (byte) 1), () -> arena.putByte(h, size, (byte) 1),
                    () -> arena.getByte(h, -1), () -> arena.getByte(h, size),
                    () -> arena.putLong(h, size - 7, 1L), () -> arena.putLong(h, -1, 1L),
                    () -> arena.putLong(h, Integer.MAX_VALUE - 3, 1L),
                    () -> arena.getLong(h, size - 7), () -> arena.getLong(h, -8),
                    () -> arena.write(h, size - 3, buffer, 0, 4), () -> arena.write(h, 0, buffer, 0, size + 1),
                    () -> arena.write(h, -1, buffer, 0, 1), () -> arena.write(h, 0, buffer, 0, -1),
                    () -> arena.write(h, 0, buffer, buffer.length - 2, 4),
                    () -> arena.write(h, Integer.MAX_VALUE, buffer, 0, 2),
                    () -> arena.read(h, size - 3, buffer, 0, 4), () -> arena.read(h, 0, buffer, 0, size + 1),
                    () -> arena.read(h, -1, buffer, 0, 1), () -> arena.read(h, 0, buffer, 0, -1),
                    () -> arena.read(h, 0, buffer, buffer.length - 2, 4));
            for (int i = 0; i < outside.size(); i++) {
                assertThatThrownBy(outside.get(i)::run).as("out-of-block access #%d", i)
                        .isInstanceOf(IndexOutOfBoundsException.class);
                before.verify(arena);
                block.verify(arena);
                after.verify(arena);
            }
            // The last long and the last byte are inside.
            arena.putLong(h, size - 8, 0x0102030405060708L);
            assertThat(arena.getLong(h, size - 8)).isEqualTo(0x0102030405060708L);
            arena.putByte(h, size - 1, (byte) 9);
            assertThat(arena.getByte(h, size - 1)).isEqualTo((byte) 9);
            before.verify(arena);
            after.verify(arena);
        }
    }

    @ParameterizedTest
    @MethodSource("org.epocharena.Design#all")
    void madeUpHandlesAreRejectedAndNeverTouchALiveBlock(Design kind) {
        int capacity = 8192;
        try (EpochArena arena = kind.create(capacity)) {
            // Live blocks in two epochs (pinned), so "another epoch" has a real neighbour.
            EpochArena.Guard pin = arena.pin();
            List<Canary> live = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                live.add(Canary.fill(arena, arena.allocate(16 + 100 * i), i));
            }
            arena.reclaim();
            for (int i = 6; i < 12; i++) {
                live.add(Canary.fill(arena, arena.allocate(16 + 50 * i), i));
            }
            Set<Long> liveHandles = new HashSet<>();
            live.forEach(c -> liveHandles.add(c.handle()));

            Set<Long> madeUp = new HashSet<>();
            SplittableRandom random = new SplittableRandom(2026);
            for (int i = 0; i < 2000; i++) {
                madeUp.add(random.nextLong());
                madeUp.add(random.nextLong(0, 1L << 40));
            }
            madeUp.addAll(List.of(-1L, Long.MIN_VALUE, Long.MAX_VALUE, (long) capacity, (long) capacity + 16,
                    (long) Integer.MAX_VALUE, 1L << 31, (1L << 32) - 1));
            for (long h : liveHandles) {
                for (int bit = 0; bit < 64; bit++) {
                    madeUp.add(h ^ (1L << bit));
                }
                madeUp.add(h + 1);
                madeUp.add(h - 1);
                madeUp.add(h + capacity);
            }
            madeUp.removeAll(liveHandles);

            int checked = 0;
            for (long h : madeUp) {
                assertThat(arena.isLive(h)).as("isLive(%d)", h).isFalse();
                for (Consumer<Long> accessor : accessors(arena)) {
                    Throwable thrown = catchThrowable(() -> accessor.accept(h));
                    assertThat(thrown).as("made-up handle %d", h)
                            .isInstanceOfAny(IllegalArgumentException.class, IllegalStateException.class,
                                    IndexOutOfBoundsException.class);
                }
                for (Canary canary : live) {
                    canary.verify(arena);
                }
                checked++;
            }
            assertThat(checked).isGreaterThan(4000);
            pin.close();
        }
    }
}
