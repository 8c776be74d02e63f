package org.epocharena.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.epocharena.Design;
import org.epocharena.EpochArena;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Contract rule 4 on one thread: nesting keeps the outer epoch, the thread is unpinned only when the
 * outermost guard closes, a second close is a no-op, and a close from the wrong thread or out of
 * order is an IllegalStateException after which the pin still protects exactly as before.
 */
class PinRuleTest {

    @ParameterizedTest
    @MethodSource("org.epocharena.Design#all")
    void innerPinKeepsTheOuterEpoch_unpinnedOnlyWhenOutermostCloses(Design kind) {
        try (EpochArena arena = kind.create(4096)) {
            EpochArena.Guard outer = arena.pin();
            assertThat(outer.epoch()).isEqualTo(1);
            Canary block = Canary.fill(arena, arena.allocate(100), 1);
            arena.reclaim();
            EpochArena.Guard inner = arena.pin();
            assertThat(inner.epoch()).as("inner pin in epoch 2 keeps the outer epoch").isEqualTo(1);
            arena.reclaim();
            inner.close();
            arena.reclaim();
            assertThat(arena.isLive(block.handle())).as("outer still open").isTrue();
            block.verify(arena);

            outer.close();
            assertThat(arena.isLive(block.handle())).as("releasing frees nothing by itself").isTrue();
            arena.reclaim();
            assertThat(arena.isLive(block.handle())).isFalse();
            assertThat(arena.usedBytes()).isZero();
        }
    }

    @ParameterizedTest
    @MethodSource("org.epocharena.Design#all")
    void closingAGuardTwiceDoesNothing(Design kind) {
        try (EpochArena arena = kind.create(4096)) {
            EpochArena.Guard outer = arena.pin();
            EpochArena.Guard inner = arena.pin();
            long block = arena.allocate(64);
            inner.close();
            inner.close(); // must not release the outer pin too
            arena.reclaim();
            arena.reclaim();
            assertThat(arena.isLive(block)).isTrue();
            outer.close();
            outer.close();
            arena.reclaim();
            assertThat(arena.isLive(block)).isFalse();
            try (EpochArena.Guard again = arena.pin()) {
                assertThat(again.epoch()).isEqualTo(arena.epoch());
            }
        }
    }

    @ParameterizedTest
    @MethodSource("org.epocharena.Design#all")
    void closeFromAnotherThreadIsRejectedAndChangesNothing(Design kind) {
        try (EpochArena arena = kind.create(4096)) {
            EpochArena.Guard guard = arena.pin();
            Canary block = Canary.fill(arena, arena.allocate(64), 7);
            OtherThread.run("intruder", () -> assertThatThrownBy(guard::close)
                    .isInstanceOf(IllegalStateException.class));
            arena.reclaim();
            arena.reclaim();
            assertThat(arena.isLive(block.handle())).as("pin still holds").isTrue();
            block.verify(arena);
            assertThat(guard.epoch()).isEqualTo(1);

            guard.close();
            arena.reclaim();
            assertThat(arena.isLive(block.handle())).isFalse();
        }
    }

    @ParameterizedTest
    @MethodSource("org.epocharena.Design#all")
    void closingTheOuterBeforeTheInnerIsRejectedAndChangesNothing(Design kind) {
        try (EpochArena arena = kind.create(4096)) {
            EpochArena.Guard outer = arena.pin();
            EpochArena.Guard inner = arena.pin();
            long block = arena.allocate(64);
            assertThatThrownBy(outer::close).isInstanceOf(IllegalStateException.class);
            arena.reclaim();
            assertThat(arena.isLive(block)).isTrue();

            inner.close();
            arena.reclaim();
            assertThat(arena.isLive(block)).as("outer is still open after the rejected close").isTrue();
            outer.close();
            arena.reclaim();
            assertThat(arena.isLive(block)).isFalse();
            assertThat(arena.usedBytes()).isZero();
        }
    }
}
