package org.epocharena.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.epocharena.Design;
import org.epocharena.EpochArena;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Contract rule 4: a guard or stamp that is no longer current never affects another pin. Random
 * sequences of pins (guards and stamps, nested to any depth), closes, stale closes of anything closed
 * before, out-of-order and cross-thread closes, allocations and reclaims, checked step by step against
 * a model of the thread's pin stack: a block allocated under the outermost pin stays live and intact
 * while the model says the thread is pinned, and is freed by the first reclaim after it is not; every
 * new pin reports the outermost epoch. A reused guard object fails this within a few sequences.
 */
class StaleGuardTest {
    private static final int SEQUENCES = 150;
    private static final int STEPS = 48;

    /** One open or closed pin, taken as a guard or as a stamp. */
    private record Pin(EpochArena.Guard guard, long stamp, long epoch) {
        void close(EpochArena arena) {
            if (guard != null) {
                guard.close();
            } else {
                arena.unpin(stamp);
            }
        }
    }

    @ParameterizedTest
    @MethodSource("org.epocharena.Design#all")
    void staleClosesNeverReleaseAnotherPin(Design kind) {
        SplittableRandom seeds = new SplittableRandom(0x5EED_0F_57A1EL);
        for (int sequence = 0; sequence < SEQUENCES; sequence++) {
            long seed = seeds.nextLong();
            try (EpochArena arena = kind.create(1 << 16)) {
                run(arena, new SplittableRandom(seed), kind + " seed " + seed);
            }
        }
    }

    private static void run(EpochArena arena, SplittableRandom random, String name) {
        List<Pin> open = new ArrayList<>();
        List<Pin> closed = new ArrayList<>();
        Canary sentinel = null;   // allocated right after the outermost pin opened
        long tag = 0;
        for (int step = 0; step < STEPS; step++) {
            String at = name + ", step " + step;
            int op = random.nextInt(10);
            if (op <= 2) {
                boolean asGuard = random.nextBoolean();
                long expected = open.isEmpty() ? arena.epoch() : open.get(0).epoch();
                Pin pin = asGuard ? guardPin(arena) : new Pin(null, arena.pinStamp(), expected);
                assertThat(pin.epoch()).as("%s: a new pin reports the outermost epoch", at).isEqualTo(expected);
                open.add(pin);
                if (open.size() == 1) {
                    long handle = arena.tryAllocate(16 + random.nextInt(100));
                    sentinel = handle == EpochArena.OUT_OF_MEMORY ? null : Canary.fill(arena, handle, ++tag);
                }
            } else if (op <= 4 && !open.isEmpty()) {
                Pin innermost = open.remove(open.size() - 1);
                innermost.close(arena);
                closed.add(innermost);
            } else if (op <= 6 && !closed.isEmpty()) {
                closed.get(random.nextInt(closed.size())).close(arena);   // stale: must change nothing
            } else if (op == 7 && open.size() >= 2) {
                Pin outer = open.get(random.nextInt(open.size() - 1));
                assertThatThrownBy(() -> outer.close(arena)).as("%s: closing an outer pin first", at)
                        .isInstanceOf(IllegalStateException.class);
            } else if (op == 8 && !open.isEmpty()) {
                Pin innermost = open.get(open.size() - 1);
                OtherThread.run("intruder", () -> assertThatThrownBy(() -> innermost.close(arena))
                        .as("%s: closing from another thread", at).isInstanceOf(IllegalStateException.class));
            } else {
                arena.reclaim();
                if (open.isEmpty() && sentinel != null) {
                    assertThat(arena.isLive(sentinel.handle())).as("%s: freed once unpinned", at).isFalse();
                    sentinel = null;
                }
            }
            if (!open.isEmpty() && sentinel != null) {
                assertThat(arena.isLive(sentinel.handle())).as("%s: pinned (depth %d), block must live", at, open.size())
                        .isTrue();
                sentinel.verify(arena);
            }
        }
        while (!open.isEmpty()) {
            open.remove(open.size() - 1).close(arena);
        }
        arena.reclaim();
        assertThat(arena.usedBytes()).as("%s: everything freed at the end", name).isZero();
    }

    private static Pin guardPin(EpochArena arena) {
        EpochArena.Guard guard = arena.pin();
        return new Pin(guard, -1, guard.epoch());
    }

    /** The report's own example: a finally that closes again after the thread pinned anew. */
    @ParameterizedTest
    @MethodSource("org.epocharena.Design#all")
    void aSecondCloseAfterRepinningKeepsTheNewPin(Design kind) {
        try (EpochArena arena = kind.create(4096)) {
            EpochArena.Guard first = arena.pin();
            first.close();
            EpochArena.Guard second = arena.pin();
            Canary block = Canary.fill(arena, arena.allocate(64), 1);
            first.close();   // stale
            arena.reclaim();
            arena.reclaim();
            assertThat(arena.isLive(block.handle())).as("the second pin still holds").isTrue();
            block.verify(arena);
            try (EpochArena.Guard nested = arena.pin()) {
                assertThat(nested.epoch()).as("nested keeps the outer epoch").isEqualTo(second.epoch());
            }
            second.close();
            arena.reclaim();
            assertThat(arena.isLive(block.handle())).isFalse();
        }
    }

    @ParameterizedTest
    @MethodSource("org.epocharena.Design#all")
    void stampsFromAnotherThreadOrMadeUpAreRefused(Design kind) {
        try (EpochArena arena = kind.create(4096)) {
            long stamp = arena.pinStamp();
            long block = arena.allocate(64);
            OtherThread.run("intruder", () -> assertThatThrownBy(() -> arena.unpin(stamp))
                    .isInstanceOf(IllegalStateException.class));
            assertThatThrownBy(() -> arena.unpin(-5)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("-5");
            arena.reclaim();
            assertThat(arena.isLive(block)).isTrue();
            arena.unpin(stamp);
            arena.unpin(stamp);
            arena.reclaim();
            assertThat(arena.isLive(block)).isFalse();
        }
    }

    /** The check can fail: a guard reused per depth, as the designs had, is caught. */
    @Test
    void aReusedGuardIsCaught() {
        try (EpochArena arena = new ReusedGuardArena(Design.all().findFirst().orElseThrow().create(1 << 16))) {
            SplittableRandom seeds = new SplittableRandom(1);
            assertThatThrownBy(() -> {
                for (int sequence = 0; sequence < SEQUENCES; sequence++) {
                    run(arena, new SplittableRandom(seeds.nextLong()), "reused guard");
                    arena.reclaim();
                }
            }).as("a lost pin (assertion) or a close refused although nothing was closed out of order")
                    .isInstanceOfAny(AssertionError.class, IllegalStateException.class);
        }
    }
}
