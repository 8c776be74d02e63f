package org.epocharena.lockfree;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.epocharena.ArenaKind;
import org.epocharena.ArenaOutOfMemoryException;
import org.epocharena.EpochArena;
import org.epocharena.block.Handles;
import org.jetbrains.lincheck.datastructures.IntGen;
import org.jetbrains.lincheck.datastructures.ModelCheckingOptions;
import org.jetbrains.lincheck.datastructures.Operation;
import org.jetbrains.lincheck.datastructures.Param;
import org.jetbrains.lincheck.datastructures.StressOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Design-internal tests of {@link LockFreeArena}: the ring rules (exact fill from empty, wrap past
 * a pinned epoch, reset), epoch changes racing each other and allocations, and a Lincheck model check.
 * The cross-design contract is the conformance suite's job.
 */
class LockFreeArenaTest {

    private static long inThread(java.util.function.LongSupplier action) throws Exception {
        AtomicLong result = new AtomicLong();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread thread = new Thread(() -> {
            try {
                result.set(action.getAsLong());
            } catch (Throwable t) {
                failure.set(t);
            }
        });
        thread.start();
        thread.join();
        if (failure.get() instanceof Exception e) {
            throw e;
        }
        if (failure.get() != null) {
            throw new AssertionError(failure.get());
        }
        return result.get();
    }

    @Test
    void kindCreatesThisDesign() {
        assertThat(ArenaKind.LOCK_FREE.create(64)).isInstanceOf(LockFreeArena.class);
    }

    @Test
    void specExample1() throws Exception {
        EpochArena arena = new LockFreeArena(1024);
        long a = inThread(() -> arena.allocate(100));
        long b = inThread(() -> arena.allocate(50));
        assertThat(arena.epochOf(a)).isEqualTo(1);
        assertThat(arena.epochOf(b)).isEqualTo(1);
        assertThat(arena.reclaim()).isEqualTo(2);
        assertThat(arena.usedBytes()).isZero();
        assertThat(arena.isLive(a)).isFalse();
        assertThat(arena.isLive(b)).isFalse();
        long c = inThread(() -> arena.allocate(200));
        assertThat(arena.epochOf(c)).isEqualTo(2);
        assertThat(arena.sizeOf(c)).isEqualTo(200);
    }

    @Test
    void specExample2() throws Exception {
        EpochArena arena = new LockFreeArena(512);
        long a = inThread(() -> arena.allocate(256));
        long b = inThread(() -> arena.allocate(256));
        assertThat(arena.usedBytes()).isEqualTo(512);
        assertThat(arena.tryAllocate(16)).isEqualTo(EpochArena.OUT_OF_MEMORY);
        arena.reclaim();
        assertThat(arena.isLive(a) || arena.isLive(b)).isFalse();
        long c = arena.allocate(128);
        assertThat(arena.epochOf(c)).isEqualTo(2);
    }

    @Test
    void specExample3() throws Exception {
        EpochArena arena = new LockFreeArena(100);
        inThread(() -> arena.allocate(50));
        inThread(() -> arena.allocate(50));
        inThread(() -> {
            assertThatThrownBy(() -> arena.allocate(100))
                    .isInstanceOf(ArenaOutOfMemoryException.class)
                    .hasMessageStartingWith("Out of memory");
            assertThat(arena.tryAllocate(100)).isEqualTo(EpochArena.OUT_OF_MEMORY);
            return 0;
        });
        assertThat(arena.usedBytes()).isEqualTo(100);
    }

    /** From empty every allocation that fits in what is left succeeds, and the first that does not fails. */
    @ParameterizedTest
    @ValueSource(ints = {1000, 4096, 16, 1027})
    void fillsExactlyFromEmpty(int capacity) {
        EpochArena arena = new LockFreeArena(capacity);
        SplittableRandom random = new SplittableRandom(capacity);
        for (int round = 0; round < 5; round++) {
            // Leave a partly used, wrapped ring behind before the reclaim that empties it.
            long sum = 0;
            while (true) {
                int size = random.nextInt(16, 1025);
                long handle = arena.tryAllocate(size);
                if (sum + size <= capacity) {
                    assertThat(handle).as("allocating %d after %d of %d", size, sum, capacity).isNotNegative();
                    sum += size;
                    assertThat(arena.usedBytes()).isEqualTo(sum);
                } else {
                    assertThat(handle).as("allocating %d after %d of %d", size, sum, capacity)
                            .isEqualTo(EpochArena.OUT_OF_MEMORY);
                    assertThat(arena.usedBytes()).isEqualTo(sum);
                    break;
                }
            }
            int last = (int) Math.min(1024, capacity - sum);
            if (last >= 16) {
                assertThat(arena.tryAllocate(last)).isNotNegative();
                assertThat(arena.usedBytes()).isEqualTo(sum + last);
            }
            arena.reclaim();
            assertThat(arena.usedBytes()).isZero();
        }
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
     * Regression: an epoch that starts exactly at the end of the pool has its blocks at offset 0, so
     * a ring that fills from there back up to the end is full, although its head is where that epoch
     * started. The arena once took that for an empty ring, restarted at offset 0 and placed new
     * blocks over pinned ones ("handle ... names no live block" under a pin in the throughput
     * benchmark). Both shapes: the oldest kept epoch holds the block at 0, or it is empty and a later
     * epoch does.
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

    @Test
    void twoConcurrentReclaimsAddExactlyTwoEpochs() throws Exception {
        EpochArena arena = new LockFreeArena(4096);
        CyclicBarrier barrier = new CyclicBarrier(2);
        int rounds = 2000;
        long[][] returned = new long[2][rounds];
        Thread[] threads = new Thread[2];
        AtomicReference<Throwable> failure = new AtomicReference<>();
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
                    failure.set(e);
                    barrier.reset();
                }
            });
            threads[t].start();
        }
        for (Thread thread : threads) {
            thread.join();
        }
        assertThat(failure.get()).isNull();
        for (int round = 0; round < rounds; round++) {
            long start = 1 + 2L * round;
            assertThat(Set.of(returned[0][round], returned[1][round])).containsExactlyInAnyOrder(start + 1, start + 2);
        }
        assertThat(arena.epoch()).isEqualTo(1 + 2L * rounds);
        assertThat(arena.usedBytes()).isZero();
    }

    @Test
    void manyConcurrentReclaimsEachOwnOneEpoch() throws Exception {
        EpochArena arena = new LockFreeArena(4096);
        int threads = 8;
        int each = 2000;
        Set<Long> seen = ConcurrentHashMap.newKeySet();
        AtomicLong duplicates = new AtomicLong();
        runAll(threads, me -> {
            for (int i = 0; i < each; i++) {
                if (!seen.add(arena.reclaim())) {
                    duplicates.incrementAndGet();
                }
            }
        });
        assertThat(duplicates.get()).isZero();
        assertThat(seen).hasSize(threads * each);
        assertThat(arena.epoch()).isEqualTo(1L + threads * each);
        assertThat(seen).allMatch(e -> e >= 2 && e <= 1L + threads * each);
    }

    /**
     * Allocators under pins write a canary into every block and check all of them before unpinning,
     * while other threads reclaim: any overlap or early free shows up as a wrong byte.
     */
    @ParameterizedTest
    @ValueSource(ints = {8, 64})
    void allocatorsAndReclaimersNeverCorruptPinnedBlocks(int threads) throws Exception {
        LockFreeArena arena = new LockFreeArena(64 * 1024);
        AtomicBoolean stop = new AtomicBoolean();
        AtomicLong corrupt = new AtomicLong();
        AtomicLong allocated = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        AtomicLong reclaims = new AtomicLong();
        AtomicLong epochWentBack = new AtomicLong();
        AtomicLong unpinnedFreed = new AtomicLong();
        Thread timer = new Thread(() -> {
            try {
                Thread.sleep(1000);
            } catch (InterruptedException ignored) {
                // stop early
            }
            stop.set(true);
        });
        timer.start();
        runAll(threads, me -> {
            SplittableRandom random = new SplittableRandom(me);
            long[] handles = new long[32];
            byte[] canaries = new byte[32];
            long lastEpoch = 0;
            while (!stop.get()) {
                if (me % 4 == 0) {
                    reclaims.incrementAndGet();
                    arena.reclaim();
                    Thread.yield();
                    continue;
                }
                if (me % 4 == 1) {
                    // Unpinned: its blocks may be freed at once, and its late bookkeeping must not hurt pinned ones.
                    long handle = arena.tryAllocate(random.nextInt(16, 1025));
                    // Reads only: writing through a handle nothing protects may legally hit a reused block.
                    if (handle != EpochArena.OUT_OF_MEMORY && !arena.isLive(handle)) {
                        unpinnedFreed.incrementAndGet();
                    }
                    Thread.yield();
                    continue;
                }
                try (EpochArena.Guard guard = arena.pin()) {
                    int count = random.nextInt(1, handles.length + 1);
                    for (int i = 0; i < count; i++) {
                        long handle = arena.tryAllocate(random.nextInt(16, 1025));
                        if (handle == EpochArena.OUT_OF_MEMORY) {
                            failed.incrementAndGet();
                            count = i;
                            Thread.yield();
                            break;
                        }
                        long epoch = arena.epochOf(handle);
                        if (epoch < guard.epoch() || epoch < lastEpoch) {
                            epochWentBack.incrementAndGet();
                        }
                        lastEpoch = epoch;
                        byte canary = (byte) random.nextInt();
                        handles[i] = handle;
                        canaries[i] = canary;
                        fill(arena, handle, canary);
                        allocated.incrementAndGet();
                    }
                    for (int i = 0; i < count; i++) {
                        int size = arena.sizeOf(handles[i]);
                        for (int at = 0; at < size; at++) {
                            if (arena.getByte(handles[i], at) != canaries[i]) {
                                corrupt.incrementAndGet();
                                break;
                            }
                        }
                    }
                }
            }
        });
        timer.join();
        assertThat(corrupt.get()).as("corrupted blocks").isZero();
        assertThat(epochWentBack.get()).isZero();
        assertThat(allocated.get()).isPositive();
        assertThat(reclaims.get()).isPositive();
        System.out.printf("%d threads: %d blocks allocated under pins, %d failed allocations, %d reclaims, "
                + "%d unpinned blocks freed before their allocator looked%n",
                threads, allocated.get(), failed.get(), reclaims.get(), unpinnedFreed.get());
        long before = arena.epoch();
        assertThat(arena.reclaim()).isEqualTo(before + 1);
        assertThat(arena.usedBytes()).as("after a quiescent reclaim").isZero();
        assertThat(arena.tryAllocate(1024)).isNotNegative();
    }

    @Test
    void aDeadPinnedThreadHoldsNothingBack() throws Exception {
        EpochArena arena = new LockFreeArena(1024);
        AtomicLong inside = new AtomicLong(-1);
        // The guard's close runs on the way out, so pin from inside a frame that never closes it.
        Thread dead = new Thread(() -> {
            arena.pin();
            inside.set(arena.allocate(500));
            throw new IllegalStateException("dies while pinned");
        });
        dead.setUncaughtExceptionHandler((t, e) -> { });
        dead.start();
        dead.join();
        long mine = arena.allocate(400);
        assertThat(arena.usedBytes()).isEqualTo(900);
        assertThat(arena.reclaim()).isEqualTo(2);
        assertThat(arena.usedBytes()).isZero();
        assertThat(arena.isLive(inside.get())).isFalse();
        assertThat(arena.isLive(mine)).isFalse();
        assertThat(arena.tryAllocate(1024)).isNotNegative();
    }

    @Test
    void tryAllocateAllocatesNothingOnTheHeap() {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        LockFreeArena arena = new LockFreeArena(4096);
        long sink = 0;
        for (int warm = 0; warm < 20_000; warm++) {
            sink += arena.tryAllocate(16 + warm % 1000);
            if (warm % 16 == 0) {
                arena.reclaim();
            }
        }
        arena.reclaim();
        long thread = Thread.currentThread().getId();
        long before = threads.getThreadAllocatedBytes(thread);
        int failures = 0;
        for (int i = 0; i < 10_000; i++) {
            long handle = arena.tryAllocate(16 + i % 1000);
            if (handle == EpochArena.OUT_OF_MEMORY) {
                failures++;
            }
            sink += handle;
        }
        long after = threads.getThreadAllocatedBytes(thread);
        assertThat(failures).as("both paths were taken").isBetween(1, 9_999);
        assertThat(after - before).as("heap bytes over 10000 tryAllocate calls (sink %d)", sink).isZero();
    }

    @Test
    void linearizableUnderModelChecking() {
        new ModelCheckingOptions().iterations(10).invocationsPerIteration(300)
                .checkObstructionFreedom(true)
                .check(LinearizabilityModel.class);
    }

    @Test
    void linearizableUnderStress() {
        new StressOptions().iterations(5).invocationsPerIteration(200).check(LinearizabilityModel.class);
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

    private interface Worker {
        void run(int me) throws Exception;
    }

    private static void runAll(int count, Worker worker) throws Exception {
        List<Thread> threads = new ArrayList<>();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        for (int t = 0; t < count; t++) {
            int me = t;
            Thread thread = new Thread(() -> {
                try {
                    worker.run(me);
                } catch (Throwable e) {
                    failure.compareAndSet(null, e);
                }
            });
            threads.add(thread);
            thread.start();
        }
        for (Thread thread : threads) {
            thread.join();
        }
        if (failure.get() != null) {
            throw new AssertionError("a worker failed", failure.get());
        }
    }

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
