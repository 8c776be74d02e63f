package org.epocharena.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.epocharena.Design;
import org.epocharena.ArenaOutOfMemoryException;
import org.epocharena.EpochArena;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Pins across threads (contract rules 3, 4 and 6 together): a pinned thread keeps its blocks through
 * other threads' reclaims; a thread that dies pinned holds nothing back; a stalled pin makes
 * allocation fail naming the oldest pinned epoch until it is released and a reclaim runs.
 */
class PinnedThreadsTest {

    private static List<Canary> allocateSome(EpochArena arena, int count, int tagBase) {
        List<Canary> blocks = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            blocks.add(Canary.fill(arena, arena.allocate(16 + 37 * i), tagBase + i));
        }
        return blocks;
    }

    @ParameterizedTest
    @MethodSource("org.epocharena.Design#all")
    void pinnedThreadKeepsItsBlocksThroughOtherThreadsReclaims(Design kind) throws Exception {
        try (EpochArena arena = kind.create(64 * 1024)) {
            CountDownLatch allocated = new CountDownLatch(1);
            CountDownLatch reclaimed = new CountDownLatch(1);
            CompletableFuture<Integer> verifiedByOwner = new CompletableFuture<>();
            Thread owner = new Thread(() -> {
                try (EpochArena.Guard guard = arena.pin()) {
                    List<Canary> mine = allocateSome(arena, 20, 0);
                    allocated.countDown();
                    reclaimed.await();
                    for (Canary canary : mine) {
                        assertThat(arena.isLive(canary.handle())).isTrue();
                        canary.verify(arena);
                    }
                    verifiedByOwner.complete(mine.size());
                } catch (Throwable e) {
                    verifiedByOwner.completeExceptionally(e);
                }
            }, "pinned owner");
            owner.start();
            assertThat(allocated.await(30, TimeUnit.SECONDS)).isTrue();
            for (int i = 0; i < 5; i++) {
                OtherThread.call("reclaimer " + i, arena::reclaim);
                // Other threads keep allocating and writing in the newer epochs meanwhile.
                allocateSome(arena, 10, 1000 * (i + 1)).forEach(c -> c.verify(arena));
            }
            reclaimed.countDown();
            assertThat(verifiedByOwner.get(30, TimeUnit.SECONDS)).isEqualTo(20);
            owner.join(30_000);
            arena.reclaim();
            assertThat(arena.usedBytes()).isZero();
        }
    }

    @ParameterizedTest
    @MethodSource("org.epocharena.Design#all")
    void threadThatDiesPinnedHoldsNothingBack(Design kind) throws InterruptedException {
        try (EpochArena arena = kind.create(8192)) {
            PinHolder<List<Canary>> doomed = PinHolder.start(arena, "dies pinned", a -> allocateSome(a, 10, 0));
            arena.reclaim();
            arena.reclaim();
            List<Canary> blocks = doomed.result();
            for (Canary canary : blocks) {
                assertThat(arena.isLive(canary.handle())).as("still pinned").isTrue();
            }

            doomed.dieAndJoin();
            arena.reclaim();
            for (Canary canary : blocks) {
                assertThat(arena.isLive(canary.handle())).as("its pin died with it").isFalse();
            }
            assertThat(arena.usedBytes()).isZero();
        }
    }

    @ParameterizedTest
    @MethodSource("org.epocharena.Design#all")
    void stalledPinMakesAllocationFailNamingItsEpoch_untilReleasedAndReclaimed(Design kind)
            throws InterruptedException {
        try (EpochArena arena = kind.create(4096)) {
            arena.reclaim();
            PinHolder<Void> stalled = PinHolder.start(arena, "stalled reader");
            long pinnedAt = stalled.pinnedEpoch();
            assertThat(pinnedAt).isEqualTo(2);
            // Fill across several epochs; nothing from epoch 2 on can be freed.
            for (int round = 0; round < 4; round++) {
                while (arena.tryAllocate(512) != EpochArena.OUT_OF_MEMORY) {
                    // fill
                }
                arena.reclaim();
            }
            assertThatThrownBy(() -> arena.allocate(512))
                    .isInstanceOf(ArenaOutOfMemoryException.class)
                    .hasMessageStartingWith("Out of memory")
                    .hasMessageContaining("512")
                    .hasMessageContaining("oldest pinned epoch " + pinnedAt);

            stalled.releaseAndJoin();
            arena.reclaim();
            assertThat(arena.usedBytes()).isZero();
            assertThat(arena.epochOf(arena.allocate(512))).isEqualTo(arena.epoch());
        }
    }
}
