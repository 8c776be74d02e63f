package org.epocharena.stress;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Queue;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.Stream;
import org.epocharena.Design;
import org.epocharena.ArenaOutOfMemoryException;
import org.epocharena.EpochArena;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Many threads pin, allocate a few blocks of mixed sizes, fill each with a pattern derived from
 * (thread, round, block), check it, and unpin, over and over, while one more thread reclaims
 * without pause. Any byte that is not what its owner wrote is a corrupted block (an overlap or a
 * block freed under a pin); out of memory is expected when pins hold the pool and is only counted.
 *
 * <p>Each run is bounded by time: about 1 s by default, so all designs at 8, 64 and 1000 threads
 * take well under a minute; with {@code -Dsoak=SECONDS} the whole matrix shares that many seconds.
 * A run also waits for a few reclaims to have happened, so every run checks blocks across reclaims.
 * The join timeout is a liveness guard (a deadlock or livelock fails the run), not a speed check.
 */
class ConcurrentStressTest {
    private static final int[] THREADS = {8, 64, 1000};
    private static final int CAPACITY = 4 << 20;
    private static final long DEFAULT_RUN_MILLIS = 1000;
    private static final long STUCK_MILLIS = 120_000;
    /**
     * A run lasts until this many reclaims have also happened: with 1000 runnable threads on two
     * cores the reclaimer may not be scheduled at all within the first second (seen in CI-like load).
     */
    private static final long MIN_RECLAIMS = 5;

    static Stream<Arguments> runs() {
        return Design.all().flatMap(design -> Arrays.stream(THREADS).mapToObj(threads -> Arguments.of(design, threads)));
    }

    private static long runMillis() {
        long soakSeconds = Long.getLong("soak", 0);
        int runs = (int) Design.all().count() * THREADS.length;
        return soakSeconds > 0 ? TimeUnit.SECONDS.toMillis(soakSeconds) / runs : DEFAULT_RUN_MILLIS;
    }

    @ParameterizedTest(name = "{0} with {1} threads")
    @MethodSource("runs")
    void pinnedBlocksStayIntactWhileAnotherThreadReclaims(Design kind, int threads) throws InterruptedException {
        Counts counts = new Counts();
        long millis = runMillis();
        try (EpochArena arena = kind.create(CAPACITY)) {
            CountDownLatch start = new CountDownLatch(1);
            List<Thread> workers = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int id = t;
                workers.add(new Thread(() -> work(arena, id, start, counts), kind + "-worker-" + t));
            }
            Thread reclaimer = new Thread(() -> reclaimLoop(arena, start, counts), kind + "-reclaimer");
            workers.forEach(Thread::start);
            reclaimer.start();

            start.countDown();
            Thread.sleep(millis);
            long deadline = System.currentTimeMillis() + STUCK_MILLIS;
            while (counts.reclaims.sum() < MIN_RECLAIMS && System.currentTimeMillis() < deadline) {
                Thread.sleep(10);
            }
            counts.stop = true;
            List<Thread> all = new ArrayList<>(workers);
            all.add(reclaimer);
            for (Thread thread : all) {
                thread.join(Math.max(1, deadline - System.currentTimeMillis()));
            }
            List<Thread> stuck = all.stream().filter(Thread::isAlive).toList();
            assertThat(stuck).as("threads still running %d s after stop (deadlock or livelock?); first: %s",
                    STUCK_MILLIS / 1000, stuck.isEmpty() ? "" : describe(stuck.get(0))).isEmpty();

            arena.reclaim();
            long usedAfterQuiescentReclaim = arena.usedBytes();
            System.out.printf("stress %-12s threads=%4d ms=%d blockOps=%d rounds=%d reclaims=%d oom=%d corrupted=%d"
                            + " unexpected=%d usedAfter=%d%n", kind, threads, millis, counts.blocks.sum(),
                    counts.rounds.sum(), counts.reclaims.sum(), counts.outOfMemory.sum(), counts.corrupted.sum(),
                    counts.unexpected.sum(), usedAfterQuiescentReclaim);

            assertThat(counts.failures).as("unexpected exceptions (first few)").isEmpty();
            assertThat(counts.unexpected.sum()).as("unexpected exceptions").isZero();
            assertThat(counts.corrupted.sum()).as("corrupted blocks").isZero();
            assertThat(counts.blocks.sum()).as("blocks written and checked").isPositive();
            assertThat(counts.reclaims.sum()).as("reclaims within %d s", STUCK_MILLIS / 1000)
                    .isGreaterThanOrEqualTo(MIN_RECLAIMS);
            assertThat(usedAfterQuiescentReclaim).as("usedBytes after a final quiescent reclaim").isZero();
        }
    }

    private static void work(EpochArena arena, int id, CountDownLatch start, Counts counts) {
        SplittableRandom random = new SplittableRandom(id);
        long[] handles = new long[4];
        awaitStart(start);
        for (long round = 0; !counts.stop; round++) {
            try (EpochArena.Guard guard = arena.pin()) {
                int placed = 0;
                int wanted = 1 + random.nextInt(handles.length);
                for (int b = 0; b < wanted; b++) {
                    int size = random.nextInt(EpochArena.MIN_BLOCK, EpochArena.MAX_BLOCK + 1);
                    long handle;
                    if (random.nextBoolean()) {
                        handle = arena.tryAllocate(size);
                    } else {
                        try {
                            handle = arena.allocate(size);
                        } catch (ArenaOutOfMemoryException e) {
                            handle = EpochArena.OUT_OF_MEMORY;
                        }
                    }
                    if (handle == EpochArena.OUT_OF_MEMORY) {
                        counts.outOfMemory.increment();
                        continue;
                    }
                    long epoch = arena.epochOf(handle);
                    if (epoch < guard.epoch() || arena.sizeOf(handle) != size) {
                        counts.corrupted.increment(); // tagged before our pin, or the wrong size
                    }
                    Pattern.fill(arena, handle, size, Pattern.seed(id, round, placed));
                    handles[placed++] = handle;
                }
                Thread.yield(); // let others (and the reclaimer) run while we hold the blocks
                for (int b = 0; b < placed; b++) {
                    if (!arena.isLive(handles[b]) || !Pattern.intact(arena, handles[b], Pattern.seed(id, round, b))) {
                        counts.corrupted.increment();
                    }
                    counts.blocks.increment();
                }
            } catch (RuntimeException | Error e) {
                counts.fail(e);
            }
            counts.rounds.increment();
        }
    }

    private static void reclaimLoop(EpochArena arena, CountDownLatch start, Counts counts) {
        awaitStart(start);
        try {
            long last = arena.epoch();
            while (!counts.stop) {
                long next = arena.reclaim();
                if (next != last + 1) {
                    counts.fail(new AssertionError("sole reclaimer got epoch " + next + " after " + last));
                }
                last = next;
                counts.reclaims.increment();
                Thread.yield();
            }
        } catch (RuntimeException | Error e) {
            counts.fail(e);
        }
    }

    private static void awaitStart(CountDownLatch start) {
        try {
            start.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String describe(Thread thread) {
        StringBuilder text = new StringBuilder(thread.getName()).append(" (").append(thread.getState()).append(')');
        for (StackTraceElement frame : thread.getStackTrace()) {
            text.append("\n\tat ").append(frame);
        }
        return text.toString();
    }

    /** Shared tallies; LongAdder because 1000 threads bump them. */
    private static final class Counts {
        final LongAdder blocks = new LongAdder();
        final LongAdder rounds = new LongAdder();
        final LongAdder reclaims = new LongAdder();
        final LongAdder outOfMemory = new LongAdder();
        final LongAdder corrupted = new LongAdder();
        final LongAdder unexpected = new LongAdder();
        final Queue<Throwable> failures = new ConcurrentLinkedQueue<>();
        volatile boolean stop;

        void fail(Throwable e) {
            unexpected.increment();
            if (failures.size() < 5) {
                failures.add(e);
            }
        }
    }
}
