package org.epocharena.bench.workload;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.epocharena.ArenaKind;
import org.epocharena.EpochArena;
import org.epocharena.bench.alloc.Allocator;
import org.epocharena.bench.alloc.ArenaAllocator;
import org.epocharena.bench.alloc.Impl;
import org.epocharena.bench.alloc.RunnableImpls;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The realistic mix does what the harnesses say, and it does exactly the same work for every
 * allocator: the same calls (sizes, bytes written and read at the same offsets, pins, epoch ends) in
 * the same order, so a difference in the figures is a difference in the allocator.
 */
class MixedOperationTest {
    static final int OPS = 300;

    static List<Impl> impls() {
        return RunnableImpls.all();
    }

    @ParameterizedTest
    @MethodSource("impls")
    void oneOperationPinsAllocatesFewMixedBlocksWritesAndReadsThemAndUnpins(Impl impl) {
        try (Allocator a = impl.create(8 << 20)) {
            RecordingLane lane = new RecordingLane(a.lane());
            MixedOperation op = new MixedOperation(lane, SizeMix.MIXED, OnFull.RECLAIM, MixedOperation.EPOCH_OPS, 42);
            for (int i = 0; i < OPS; i++) {
                assertThat(op.run(() -> false)).isNotEqualTo(MixedOperation.GAVE_UP);
            }
            assertThat(lane.pins).isEqualTo(OPS);
            assertThat(lane.openPins).as("every pin released").isZero();
            assertThat(lane.pinnedAllocations).as("every block allocated under the pin").isEqualTo(OPS * MixedOperation.BLOCKS);
            assertThat(lane.bytesWritten).isEqualTo((long) OPS * MixedOperation.BLOCKS * Touch.BYTES);
            assertThat(lane.bytesRead).isEqualTo(lane.bytesWritten);
            assertThat(lane.epochsEnded).isEqualTo(OPS / MixedOperation.EPOCH_OPS);
            assertThat(op.failures()).isZero();
            assertThat(a.heldBytes()).as("the live set is the blocks since the last epoch end")
                    .isLessThanOrEqualTo((long) MixedOperation.EPOCH_OPS * MixedOperation.BLOCKS * 1024);
            lane.release();
        }
    }

    @Test
    void everyAllocatorIsAskedForExactlyTheSameWork() {
        List<String> reference = null;
        String referenceName = null;
        for (Impl impl : impls()) {
            try (Allocator a = impl.create(8 << 20)) {
                RecordingLane lane = new RecordingLane(a.lane());
                MixedOperation op = new MixedOperation(lane, SizeMix.MIXED, OnFull.RECLAIM, MixedOperation.EPOCH_OPS, 7);
                for (int i = 0; i < OPS; i++) {
                    op.run(() -> false);
                }
                lane.release();
                List<String> calls = new ArrayList<>(lane.calls);
                if (reference == null) {
                    reference = calls;
                    referenceName = impl.name();
                } else {
                    assertThat(calls).as("%s does the work %s does", impl.name(), referenceName).isEqualTo(reference);
                }
            }
        }
        assertThat(reference).isNotEmpty();
    }

    @ParameterizedTest
    @MethodSource("impls")
    void touchReadsBackWhatItWrote(Impl impl) {
        try (Allocator a = impl.create(1 << 16)) {
            var lane = a.lane();
            for (int size : new int[] {16, 100, 1024}) {
                long block = lane.allocate(size);
                assertThat(Touch.touch(lane, block, size, 0x1234_5678L)).as("random ^ ~random").isEqualTo(-1L);
            }
            lane.release();
        }
    }

    @ParameterizedTest
    @EnumSource(ArenaKind.class)
    void aFullArenaIsReclaimedAndTheOperationStillCompletes(ArenaKind kind) {
        // 16 KiB holds only a few operations' large blocks: the operation must hit full and reclaim.
        try (ArenaAllocator a = new ArenaAllocator(kind.create(16 << 10))) {
            RecordingLane lane = new RecordingLane(a.lane());
            MixedOperation op = new MixedOperation(lane, SizeMix.LARGE, OnFull.RECLAIM, 0, 3);
            for (int i = 0; i < 50; i++) {
                assertThat(op.run(() -> false)).isNotEqualTo(MixedOperation.GAVE_UP);
            }
            assertThat(op.failures()).isPositive();
            assertThat(lane.epochsEnded).isPositive();
            assertThat(lane.openPins).isZero();
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
            MixedOperation op = new MixedOperation(new ArenaAllocator(arena), SizeMix.FIXED_64, OnFull.RECLAIM, 0, 1);
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
