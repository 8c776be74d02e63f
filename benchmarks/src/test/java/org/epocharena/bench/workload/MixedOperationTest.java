package org.epocharena.bench.workload;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CountDownLatch;
import org.epocharena.ArenaKind;
import org.epocharena.EpochArena;
import org.epocharena.bench.baseline.Baseline;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The realistic mix does what the throughput harness says: pin, a few mixed blocks, touch, unpin. */
class MixedOperationTest {

    @ParameterizedTest
    @EnumSource(ArenaKind.class)
    void oneOperationPinsAllocatesFewMixedBlocksTouchesThemAndUnpins(ArenaKind kind) {
        try (RecordingAllocator a = new RecordingAllocator(new ArenaAllocator(kind.create(1 << 20)))) {
            MixedOperation op = new MixedOperation(a, SizeMix.MIXED, OnFull.RECLAIM, 42);
            for (int i = 0; i < 100; i++) {
                assertThat(op.run(() -> false)).isNotEqualTo(MixedOperation.GAVE_UP);
            }
            assertThat(a.pins).isEqualTo(100);
            assertThat(a.openPins).as("every pin released").isZero();
            assertThat(a.sizes).hasSize(100 * MixedOperation.BLOCKS).allSatisfy(s -> assertThat(s).isBetween(16, 1024));
            assertThat(a.pinnedAllocations).as("every block allocated under the pin").isEqualTo(a.sizes.size());
            assertThat(a.touches).isEqualTo(a.sizes.size());
            assertThat(op.failures()).isZero();
        }
    }

    @ParameterizedTest
    @EnumSource(Baseline.class)
    void baselinesRunTheSameOperation(Baseline baseline) {
        try (RecordingAllocator a = new RecordingAllocator(baseline.lane(Baseline.newNettyPool()))) {
            MixedOperation op = new MixedOperation(a, SizeMix.MIXED, OnFull.RECLAIM, 7);
            for (int i = 0; i < 50; i++) {
                op.run(() -> false);
            }
            assertThat(a.sizes).hasSize(50 * MixedOperation.BLOCKS);
            assertThat(a.touches).isEqualTo(a.sizes.size());
            assertThat(a.openPins).isZero();
        }
    }

    @ParameterizedTest
    @EnumSource(ArenaKind.class)
    void aFullArenaIsReclaimedAndTheOperationStillCompletes(ArenaKind kind) {
        // 16 KiB holds only a few operations' large blocks: the operation must hit full and reclaim.
        try (RecordingAllocator a = new RecordingAllocator(new ArenaAllocator(kind.create(16 << 10)))) {
            MixedOperation op = new MixedOperation(a, SizeMix.LARGE, OnFull.RECLAIM, 3);
            for (int i = 0; i < 50; i++) {
                assertThat(op.run(() -> false)).isNotEqualTo(MixedOperation.GAVE_UP);
            }
            assertThat(op.failures()).isPositive();
            assertThat(a.epochsEnded).isPositive();
            assertThat(a.openPins).isZero();
        }
    }

    @ParameterizedTest
    @EnumSource(ArenaKind.class)
    void givesUpWhenStoppedWhileAnotherThreadPinsAFullArena(ArenaKind kind) throws InterruptedException {
        EpochArena arena = kind.create(4096);
        CountDownLatch pinned = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Thread holder = new Thread(() -> {
            try (EpochArena.Guard g = arena.pin()) {
                pinned.countDown();
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        holder.start();
        try {
            pinned.await();
            // The pinned epoch keeps whatever is allocated now: fill it, so reclaim frees nothing.
            while (arena.tryAllocate(EpochArena.MIN_BLOCK) != EpochArena.OUT_OF_MEMORY) {
                // fill
            }
            MixedOperation op = new MixedOperation(new ArenaAllocator(arena), SizeMix.FIXED_64, OnFull.RECLAIM, 1);
            int[] polls = new int[1];
            assertThat(op.run(() -> ++polls[0] > 3)).isEqualTo(MixedOperation.GAVE_UP);
            assertThat(op.failures()).isEqualTo(4);
        } finally {
            release.countDown();
            holder.join();
            arena.close();
        }
    }
}
