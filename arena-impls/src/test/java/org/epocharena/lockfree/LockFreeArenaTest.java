package org.epocharena.lockfree;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.atomic.AtomicLong;
import org.epocharena.ArenaKind;
import org.epocharena.ArenaOutOfMemoryException;
import org.epocharena.EpochArena;
import org.epocharena.block.Handles;
import org.jetbrains.lincheck.datastructures.IntGen;
import org.jetbrains.lincheck.datastructures.ModelCheckingOptions;
import org.jetbrains.lincheck.datastructures.Operation;
import org.jetbrains.lincheck.datastructures.Param;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What only {@link LockFreeArena} has: a ring whose free space wraps around blocks held by a pin,
 * where an epoch that starts exactly at the end of the pool is the ambiguous case; the window
 * between claiming space by CAS and recording the block; obstruction freedom; and the chain of
 * per-epoch segments a long pin keeps. Every rule of the contract is checked for this design, as
 * for every other, by the shared suites ({@code conformance}, {@code linearizability},
 * {@code races}, {@code stress}).
 */
class LockFreeArenaTest {

    @Test
    void kindCreatesThisDesign() {
        assertThat(ArenaKind.LOCK_FREE.create(64)).isInstanceOf(LockFreeArena.class);
    }

    /**
     * A pin keeps epoch 2 in the middle of the ring while epoch 1 before it is freed; epoch 3 then
     * fills to the end and wraps to offset 0, never over the pinned blocks.
     */
    @Test
    void wrapsAroundBlocksHeldByAPin() throws Exception {
        LockFreeArena arena = new LockFreeArena(1000);
        PinnedThread first = new PinnedThread(arena);
        long old = arena.allocate(400);
        arena.reclaim();
        assertThat(arena.usedBytes()).as("epoch 1 pinned").isEqualTo(400);

        long kept = arena.allocate(300);
        fill(arena, kept, (byte) 7);
        PinnedThread second = new PinnedThread(arena);
        assertThat(second.epoch).isEqualTo(2);
        first.release();
        assertThat(arena.reclaim()).isEqualTo(3);
        assertThat(arena.isLive(old)).isFalse();
        assertThatThrownBy(() -> arena.getByte(old, 0))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("reclaimed");
        assertThat(arena.usedBytes()).as("only epoch 2's 300 bytes at 400..700").isEqualTo(300);

        long end = arena.allocate(250);
        long wrapped = arena.allocate(100);
        assertThat(arena.usedBytes()).as("300 + 250 + 50 waste at the end + 100").isEqualTo(700);
        assertThat(arena.tryAllocate(300)).as("300 bytes free at 100..400, but the ring may not close")
                .isEqualTo(EpochArena.OUT_OF_MEMORY);
        long last = arena.allocate(299);
        fill(arena, end, (byte) 1);
        fill(arena, wrapped, (byte) 2);
        fill(arena, last, (byte) 3);
        assertThat(arena.isLive(kept)).isTrue();
        check(arena, kept, (byte) 7);
        check(arena, end, (byte) 1);
        check(arena, wrapped, (byte) 2);
        assertThat(arena.usedBytes()).isEqualTo(999);

        second.release();
        assertThat(arena.reclaim()).isEqualTo(4);
        assertThat(arena.usedBytes()).isZero();
        assertThat(arena.tryAllocate(1000)).isNotNegative();
        assertThat(arena.usedBytes()).isEqualTo(1000);
    }

    /**
     * An epoch that starts exactly at the end of the pool has its blocks at offset 0, so a ring that
     * fills from there back up to the end is full, although its head is where that epoch started.
     * Taken for an empty ring, it would restart at offset 0 and place new blocks over pinned ones.
     * Both shapes: the oldest kept epoch holds the block at 0, or it is empty and a later epoch does.
     */
    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void aRingFullFromAnEpochStartingAtTheEndIsNotEmpty(boolean keptEpochHoldsTheFirstBlock) throws Exception {
        LockFreeArena arena = new LockFreeArena(64);
        PinnedThread first = new PinnedThread(arena);
        arena.allocate(32);
        arena.reclaim();
        PinnedThread second = new PinnedThread(arena);
        assertThat(second.epoch).isEqualTo(2);
        arena.allocate(32);
        first.release();
        assertThat(arena.reclaim()).as("epoch 2 holds 32..64; epoch 3 starts at the end").isEqualTo(3);
        PinnedThread third = new PinnedThread(arena);
        assertThat(third.epoch).isEqualTo(3);
        if (!keptEpochHoldsTheFirstBlock) {
            assertThat(arena.reclaim()).as("epoch 3 stays empty").isEqualTo(4);
        }
        long atZero = arena.allocate(16);
        assertThat(new Handles(64).granule(atZero)).as("granule of the block at offset 0").isZero();
        fill(arena, atZero, (byte) 5);
        second.release();
        arena.reclaim();
        assertThat(arena.usedBytes()).as("only the block at 0..16 is left").isEqualTo(16);

        long toTheEnd = arena.allocate(48);
        fill(arena, toTheEnd, (byte) 6);
        assertThat(arena.usedBytes()).isEqualTo(64);
        arena.reclaim();
        assertThat(arena.usedBytes()).as("pinned ring is full, not empty").isEqualTo(64);
        assertThat(arena.tryAllocate(16)).isEqualTo(EpochArena.OUT_OF_MEMORY);
        assertThat(arena.isLive(atZero)).isTrue();
        assertThat(arena.isLive(toTheEnd)).isTrue();
        check(arena, atZero, (byte) 5);
        check(arena, toTheEnd, (byte) 6);

        third.release();
        arena.reclaim();
        assertThat(arena.usedBytes()).isZero();
        assertThat(arena.tryAllocate(64)).isNotNegative();
    }

    /** The other side of the same ambiguity: a pinned empty epoch starting at the end holds nothing. */
    @Test
    void anEmptyPinnedEpochStartingAtTheEndDoesNotHoldTheRing() throws Exception {
        LockFreeArena arena = new LockFreeArena(64);
        PinnedThread first = new PinnedThread(arena);
        arena.allocate(64);
        arena.reclaim();
        PinnedThread second = new PinnedThread(arena);
        assertThat(second.epoch).as("epoch 2 starts at the end").isEqualTo(2);
        first.release();
        arena.reclaim();
        assertThat(arena.usedBytes()).isZero();
        assertThat(arena.tryAllocate(64)).isNotNegative();
        second.release();
    }

    /**
     * Pins on epochs that allocated nothing hold no space: the ring restarts at 0, and the tail
     * never moves back to the start of such an epoch afterwards.
     */
    @Test
    void emptyPinnedEpochsDoNotHoldTheRing() throws Exception {
        LockFreeArena arena = new LockFreeArena(512);
        PinnedThread first = new PinnedThread(arena);
        arena.allocate(300);
        arena.reclaim();
        PinnedThread second = new PinnedThread(arena);
        assertThat(second.epoch).isEqualTo(2);
        first.release();
        assertThat(arena.reclaim()).isEqualTo(3);
        assertThat(arena.usedBytes()).as("epoch 2, still pinned, has no blocks").isZero();
        arena.allocate(200);
        assertThat(arena.reclaim()).isEqualTo(4);
        assertThat(arena.usedBytes()).as("epoch 3's block kept by the pin on epoch 2").isEqualTo(200);
        assertThat(arena.tryAllocate(313)).isEqualTo(EpochArena.OUT_OF_MEMORY);
        assertThat(arena.tryAllocate(312)).isNotNegative();
        second.release();
        arena.reclaim();
        assertThat(arena.usedBytes()).isZero();
    }

    /**
     * No thread waits for another: with obstruction freedom checked, Lincheck's model checker pauses
     * every other thread and fails if the running one cannot finish its operation (a lock, or a loop
     * that waits for a suspended thread). The shared check ({@code ArenaLinearizabilityTest}) asks
     * every design for linearizability only.
     */
    @Test
    void obstructionFreeAndLinearizableUnderModelChecking() {
        new ModelCheckingOptions().iterations(10).invocationsPerIteration(300)
                .checkObstructionFreedom(true)
                .check(LinearizabilityModel.class);
    }

    /**
     * Lincheck's view of the arena; the sequential specification is the arena itself run alone.
     * Allocation returns the handle, so placement (offset) and epoch tag must both match a
     * sequential history, not just success.
     */
    public static class LinearizabilityModel {
        private final EpochArena arena = new LockFreeArena(100);

        @Operation
        public long tryAllocate(@Param(gen = IntGen.class, conf = "0:1") int large) {
            return arena.tryAllocate(large == 1 ? 48 : 16);
        }

        @Operation
        public long allocate(@Param(gen = IntGen.class, conf = "0:1") int large) {
            try {
                return arena.allocate(large == 1 ? 48 : 16);
            } catch (ArenaOutOfMemoryException e) {
                return -1;
            }
        }

        @Operation
        public long reclaim() {
            return arena.reclaim();
        }

        @Operation
        public long epoch() {
            return arena.epoch();
        }

        @Operation
        public long usedBytes() {
            return arena.usedBytes();
        }
    }

    /**
     * The race between claiming space (one CAS) and recording the block: an unpinned allocator
     * that stalls in between, while a reclaim frees its block and a pinned thread reuses the space,
     * must not hide the pinned thread's block. Sequentially the pinned check is always true.
     */
    @Test
    void lateRecordOfAFreedBlockNeverHidesALiveOne() {
        new ModelCheckingOptions().iterations(10).invocationsPerIteration(300)
                .check(ClaimThenRecordModel.class);
    }

    public static class ClaimThenRecordModel {
        private final EpochArena arena = new LockFreeArena(64);

        @Operation
        public void allocate(@Param(gen = IntGen.class, conf = "0:1") int large) {
            arena.tryAllocate(large == 1 ? 48 : 16);
        }

        @Operation
        public void reclaim() {
            arena.reclaim();
        }

        @Operation
        public boolean pinnedBlockStaysLive(@Param(gen = IntGen.class, conf = "0:1") int large) {
            try (EpochArena.Guard ignored = arena.pin()) {
                long handle = arena.tryAllocate(large == 1 ? 48 : 16);
                return handle == EpochArena.OUT_OF_MEMORY || arena.isLive(handle);
            }
        }
    }

    // --- helpers ---

    private static void fill(EpochArena arena, long handle, byte value) {
        for (int at = 0; at < arena.sizeOf(handle); at++) {
            arena.putByte(handle, at, value);
        }
    }

    private static void check(EpochArena arena, long handle, byte value) {
        for (int at = 0; at < arena.sizeOf(handle); at++) {
            assertThat(arena.getByte(handle, at)).as("byte %d of block %d", at, handle).isEqualTo(value);
        }
    }

    /** A thread that pins on start and holds the pin until {@link #release()}. */
    private static final class PinnedThread {
        final long epoch;
        private final CyclicBarrier release = new CyclicBarrier(2);
        private final Thread thread;

        PinnedThread(EpochArena arena) throws Exception {
            CyclicBarrier pinned = new CyclicBarrier(2);
            AtomicLong epochSeen = new AtomicLong();
            thread = new Thread(() -> {
                try (EpochArena.Guard guard = arena.pin()) {
                    epochSeen.set(guard.epoch());
                    pinned.await();
                    release.await();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            thread.start();
            pinned.await();
            epoch = epochSeen.get();
        }

        void release() throws Exception {
            release.await();
            thread.join();
        }
    }

    /**
     * One pin held across a million reclaims, with small blocks placed in many of the epochs: the
     * chain of kept segments stays within its bound (so neither the heap nor any walk grows with the
     * epochs), the pinned block stays intact, and once the pin goes one reclaim empties the ring.
     */
    @Test
    void keptSegmentsStayBoundedUnderOneLongPin() throws Exception {
        LockFreeArena arena = new LockFreeArena(1 << 16);
        java.util.concurrent.CountDownLatch pinned = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        long[] block = new long[1];
        Thread holder = new Thread(() -> {
            try (EpochArena.Guard guard = arena.pin()) {
                block[0] = arena.allocate(64);
                arena.putLong(block[0], 0, 77);
                pinned.countDown();
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        holder.start();
        pinned.await();
        int most = 0;
        for (int i = 0; i < 1_000_000; i++) {
            if (i % 3 == 0) {
                arena.tryAllocate(16 + i % 48);
            }
            arena.reclaim();
            if ((i & 1023) == 0) {
                most = Math.max(most, arena.keptSegments());
            }
        }
        assertThat(most).as("kept segments under one long pin").isLessThanOrEqualTo(2 * 256 + 2);
        assertThat(arena.getLong(block[0], 0)).isEqualTo(77);
        release.countDown();
        holder.join();
        arena.reclaim();
        assertThat(arena.keptSegments()).isEqualTo(1);
        assertThat(arena.usedBytes()).isZero();
        arena.close();
    }
}
