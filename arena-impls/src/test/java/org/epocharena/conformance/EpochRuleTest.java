package org.epocharena.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
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
}
