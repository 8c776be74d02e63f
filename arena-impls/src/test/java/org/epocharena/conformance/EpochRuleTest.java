package org.epocharena.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.atomic.AtomicReference;
import org.epocharena.Design;
import org.epocharena.EpochArena;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Contract rule 1: epochs start at 1 and every reclaim adds exactly one, however many in a row. */
class EpochRuleTest {

    @ParameterizedTest
    @MethodSource("org.epocharena.Design#all")
    void newArenaIsInEpoch1(Design kind) {
        try (EpochArena arena = kind.create(1024)) {
            assertThat(arena.epoch()).isEqualTo(1);
            assertThat(arena.epochOf(arena.allocate(16))).isEqualTo(1);
        }
    }

    @ParameterizedTest
    @MethodSource("org.epocharena.Design#all")
    void reclaimReturnsTheNextEpoch_manyTimesInARow(Design kind) {
        try (EpochArena arena = kind.create(1024)) {
            for (long expected = 2; expected <= 10_001; expected++) {
                assertThat(arena.reclaim()).isEqualTo(expected);
                assertThat(arena.epoch()).isEqualTo(expected);
            }
            long handle = arena.allocate(64);
            assertThat(arena.epochOf(handle)).isEqualTo(10_001);
            assertThat(arena.usedBytes()).isGreaterThanOrEqualTo(64);
        }
    }

    @ParameterizedTest
    @MethodSource("org.epocharena.Design#all")
    void concurrentReclaimsEachReturnADifferentNextEpoch(Design kind) throws InterruptedException {
        int threads = 8;
        int perThread = 1000;
        try (EpochArena arena = kind.create(1024)) {
            Set<Long> returned = ConcurrentHashMap.newKeySet();
            Thread[] reclaimers = new Thread[threads];
            for (int t = 0; t < threads; t++) {
                reclaimers[t] = new Thread(() -> {
                    for (int i = 0; i < perThread; i++) {
                        returned.add(arena.reclaim());
                    }
                });
                reclaimers[t].start();
            }
            for (Thread reclaimer : reclaimers) {
                reclaimer.join(30_000);
                assertThat(reclaimer.isAlive()).as("reclaimer stuck").isFalse();
            }
            // A lost update would repeat a number and leave the epoch short.
            assertThat(returned).hasSize(threads * perThread);
            assertThat(returned).allMatch(e -> e >= 2 && e <= 1 + threads * perThread);
            assertThat(arena.epoch()).isEqualTo(1 + threads * perThread);
        }
    }

    /**
     * Two threads start each round together, allocate and reclaim: whichever order the reclaims and
     * the other thread's allocation fall in, the round adds exactly two epochs and each thread gets
     * one of them. An epoch change finished by a helper (or half-finished when an allocation meets
     * it) must not count twice or be lost.
     */
    @ParameterizedTest
    @MethodSource("org.epocharena.Design#all")
    void reclaimsRacingAllocationsEachAddOneEpoch(Design kind) throws InterruptedException {
        int rounds = 1000;
        try (EpochArena arena = kind.create(4096)) {
            CyclicBarrier barrier = new CyclicBarrier(2);
            long[][] returned = new long[2][rounds];
            AtomicReference<Throwable> failure = new AtomicReference<>();
            Thread[] threads = new Thread[2];
            for (int t = 0; t < 2; t++) {
                int me = t;
                threads[t] = new Thread(() -> {
                    try {
                        for (int round = 0; round < rounds; round++) {
                            barrier.await();
                            arena.tryAllocate(16 + me);
                            returned[me][round] = arena.reclaim();
                            barrier.await();
                        }
                    } catch (Throwable e) {
                        failure.compareAndSet(null, e);
                        barrier.reset();
                    }
                });
                threads[t].start();
            }
            for (Thread thread : threads) {
                thread.join(30_000);
                assertThat(thread.isAlive()).as("thread stuck").isFalse();
            }
            assertThat(failure.get()).as("first failure").isNull();
            for (int round = 0; round < rounds; round++) {
                long start = 1 + 2L * round;
                assertThat(List.of(returned[0][round], returned[1][round])).as("round %d", round)
                        .containsExactlyInAnyOrder(start + 1, start + 2);
            }
            assertThat(arena.epoch()).isEqualTo(1 + 2L * rounds);
        }
    }
}
