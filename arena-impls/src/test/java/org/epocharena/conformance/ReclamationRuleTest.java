package org.epocharena.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.epocharena.Design;
import org.epocharena.EpochArena;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Contract rule 3: reclaim returning E frees exactly the blocks older than min(E, oldest live pin);
 * the rest stay live, and a released pin frees nothing until the next reclaim.
 */
class ReclamationRuleTest {

    @ParameterizedTest
    @MethodSource("org.epocharena.Design#all")
    void withoutPinsEachReclaimFreesEverythingBeforeIt(Design kind) {
        try (EpochArena arena = kind.create(4096)) {
            for (int round = 1; round <= 5; round++) {
                long a = arena.allocate(100);
                long b = arena.allocate(1024);
                assertThat(arena.usedBytes()).isGreaterThanOrEqualTo(1124);
                arena.reclaim();
                assertThat(arena.isLive(a)).isFalse();
                assertThat(arena.isLive(b)).isFalse();
                assertThat(arena.usedBytes()).isZero();
                assertThatThrownBy(() -> arena.sizeOf(a)).isInstanceOf(IllegalStateException.class);
            }
        }
    }

    @ParameterizedTest
    @MethodSource("org.epocharena.Design#all")
    void pinnedEpochAndLaterSurvive_olderAreFreed_releaseFreesOnlyAtTheNextReclaim(Design kind)
            throws InterruptedException {
        try (EpochArena arena = kind.create(8192)) {
            long e1 = arena.allocate(64);
            assertThat(arena.reclaim()).isEqualTo(2);
            Canary e2 = Canary.fill(arena, arena.allocate(128), 2);

            PinHolder<Void> holder = PinHolder.start(arena, "holder pinned at 2");
            assertThat(holder.pinnedEpoch()).isEqualTo(2);
            Canary alsoE2 = Canary.fill(arena, arena.allocate(256), 22);
            long e0Gone = arena.allocate(16);
            assertThat(arena.reclaim()).isEqualTo(3);
            Canary e3 = Canary.fill(arena, arena.allocate(512), 3);
            assertThat(arena.reclaim()).isEqualTo(4);
            assertThat(arena.reclaim()).isEqualTo(5);

            assertThat(arena.isLive(e1)).as("epoch-1 block, older than the pin").isFalse();
            for (Canary canary : new Canary[] {e2, alsoE2, e3}) {
                assertThat(arena.isLive(canary.handle())).isTrue();
                canary.verify(arena);
            }
            assertThat(arena.isLive(e0Gone)).as("epoch-2 block while epoch 2 is pinned").isTrue();
            long used = arena.usedBytes();
            assertThat(used).isGreaterThanOrEqualTo(128 + 256 + 16 + 512);

            holder.releaseAndJoin();
            assertThat(arena.usedBytes()).as("release alone frees nothing").isEqualTo(used);
            e3.verify(arena);
            assertThat(arena.reclaim()).isEqualTo(6);
            assertThat(arena.usedBytes()).isZero();
            assertThat(arena.isLive(e2.handle())).isFalse();
            assertThat(arena.isLive(e3.handle())).isFalse();
        }
    }

    @ParameterizedTest
    @MethodSource("org.epocharena.Design#all")
    void oldestOfSeveralPinsDecides(Design kind) throws InterruptedException {
        try (EpochArena arena = kind.create(8192)) {
            arena.reclaim();
            PinHolder<Void> at2 = PinHolder.start(arena, "pinned at 2");
            long b2 = arena.allocate(32);
            arena.reclaim();
            arena.reclaim();
            PinHolder<Void> at4 = PinHolder.start(arena, "pinned at 4");
            long b4 = arena.allocate(32);
            arena.reclaim();
            assertThat(arena.isLive(b2)).isTrue();

            at2.releaseAndJoin();
            arena.reclaim();
            assertThat(arena.isLive(b2)).as("epoch 2 after its pin went").isFalse();
            assertThat(arena.isLive(b4)).as("epoch 4 still pinned").isTrue();

            at4.releaseAndJoin();
            arena.reclaim();
            assertThat(arena.isLive(b4)).isFalse();
            assertThat(arena.usedBytes()).isZero();
        }
    }
}
