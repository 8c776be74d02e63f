package org.epocharena.stress;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.Stream;
import org.epocharena.Design;
import org.epocharena.EpochArena;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The shape {@link ConcurrentStressTest} leaves out: a quarter of the threads reclaim at once, a
 * quarter allocate without a pin, and the rest pin, allocate, fill and check, for one second. Designs
 * whose epoch change is finished by whichever thread meets it (or that free lazily, per thread) have
 * their hardest interleavings here: two reclaims racing each other and a pinned allocation, and an
 * unpinned allocation whose block is freed before its allocator records it. A pinned block must keep
 * its pattern, carry an epoch no older than its pin and no older than the thread's previous block;
 * once every thread has stopped, one reclaim frees everything and the arena fills again from empty.
 */
class SeveralReclaimersStressTest {
    private static final int[] THREADS = {8, 64};
    private static final int CAPACITY = 64 * 1024;
    private static final long RUN_MILLIS = 1000;

    static Stream<Arguments> runs() {
        return Design.all().flatMap(design -> Arrays.stream(THREADS).mapToObj(threads -> Arguments.of(design, threads)));
    }

    @ParameterizedTest(name = "{0} with {1} threads")
    @MethodSource("runs")
    void pinnedBlocksStayIntactWhileSeveralThreadsReclaim(Design kind, int threads) throws InterruptedException {
        AtomicBoolean stop = new AtomicBoolean();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        LongAdder corrupted = new LongAdder();
        LongAdder epochWentBack = new LongAdder();
        LongAdder pinnedBlocks = new LongAdder();
        LongAdder reclaims = new LongAdder();
        try (EpochArena arena = kind.create(CAPACITY)) {
            List<Thread> workers = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int me = t;
                workers.add(new Thread(() -> {
                    try {
                        work(arena, me, stop, corrupted, epochWentBack, pinnedBlocks, reclaims);
                    } catch (Throwable e) {
                        failure.compareAndSet(null, e);
                    }
                }, "stress-" + me));
            }
            workers.forEach(Thread::start);
            Thread.sleep(RUN_MILLIS);
            stop.set(true);
            for (Thread worker : workers) {
                worker.join(120_000);
                assertThat(worker.isAlive()).as("%s still running (deadlock or livelock?)", worker.getName()).isFalse();
            }
            assertThat(failure.get()).as("first failure").isNull();
            assertThat(corrupted.sum()).as("corrupted pinned blocks").isZero();
            assertThat(epochWentBack.sum()).as("blocks tagged older than their pin or the thread's last block").isZero();
            assertThat(reclaims.sum()).isPositive();
            assertThat(pinnedBlocks.sum()).isPositive();

            long before = arena.epoch();
            assertThat(arena.reclaim()).isEqualTo(before + 1);
            assertThat(arena.usedBytes()).as("after a reclaim with nothing pinned").isZero();
            assertThat(arena.tryAllocate(EpochArena.MAX_BLOCK)).as("a largest block from empty").isNotNegative();
        }
    }

    private static void work(EpochArena arena, int me, AtomicBoolean stop, LongAdder corrupted,
                             LongAdder epochWentBack, LongAdder pinnedBlocks, LongAdder reclaims) {
        SplittableRandom random = new SplittableRandom(me);
        long[] handles = new long[32];
        long lastEpoch = 0;
        for (long round = 0; !stop.get(); round++) {
            if (me % 4 == 0) {
                arena.reclaim();
                reclaims.increment();
                Thread.yield();
                continue;
            }
            if (me % 4 == 1) {
                // Unpinned: its block may be freed at once. Reads only: a write through a handle nothing
                // protects may legally hit a block placed again since.
                long handle = arena.tryAllocate(random.nextInt(EpochArena.MIN_BLOCK, EpochArena.MAX_BLOCK + 1));
                if (handle != EpochArena.OUT_OF_MEMORY) {
                    arena.isLive(handle);
                }
                Thread.yield();
                continue;
            }
            try (EpochArena.Guard guard = arena.pin()) {
                int count = random.nextInt(1, handles.length + 1);
                int placed = 0;
                for (; placed < count; placed++) {
                    long handle = arena.tryAllocate(random.nextInt(EpochArena.MIN_BLOCK, EpochArena.MAX_BLOCK + 1));
                    if (handle == EpochArena.OUT_OF_MEMORY) {
                        Thread.yield();
                        break;
                    }
                    long epoch = arena.epochOf(handle);
                    if (epoch < guard.epoch() || epoch < lastEpoch) {
                        epochWentBack.increment();
                    }
                    lastEpoch = epoch;
                    Pattern.fill(arena, handle, arena.sizeOf(handle), Pattern.seed(me, round, placed));
                    handles[placed] = handle;
                }
                for (int b = 0; b < placed; b++) {
                    if (!arena.isLive(handles[b]) || !Pattern.intact(arena, handles[b], Pattern.seed(me, round, b))) {
                        corrupted.increment();
                    }
                }
                pinnedBlocks.add(placed);
            }
        }
    }
}
