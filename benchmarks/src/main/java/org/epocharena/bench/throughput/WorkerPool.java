package org.epocharena.bench.throughput;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.function.IntConsumer;
import java.util.function.LongSupplier;

/**
 * A fixed set of worker threads, started once and kept until {@link #close()}, each running one
 * operation after another and counting it in its own padded counter. Why not JMH {@code -t}: with
 * 1000 JMH threads on 2 cores JMH's per-thread accounting breaks (scores with errors larger than
 * themselves, threads that never run in an iteration, warm-ups that do not finish). Here the count
 * is global and simple: completed operations over wall-clock time, measured by whoever reads
 * {@link #total()}; fairness is read from the per-worker counters.
 *
 * <p>A worker never spins on a full allocator (its operation backs off or reclaims), checks the stop
 * flag between operations, and is a daemon, so {@link #close()} ends promptly even if a worker is
 * stuck: it joins with a deadline and reports the threads that did not stop.
 */
public final class WorkerPool implements AutoCloseable {
    /** One counter per 128 bytes: two adjacent-line prefetch pairs, so workers never share a line. */
    private static final int STRIDE = 16;
    private static final VarHandle COUNTS = MethodHandles.arrayElementVarHandle(long[].class);
    /** What an operation returns when it gave up because the pool is stopping: not counted. */
    public static final long GAVE_UP = Long.MIN_VALUE;

    private final long[] counts;
    private final Thread[] threads;
    private volatile boolean stop;
    private volatile Throwable failure;

    /**
     * Starts {@code workers} threads; worker {@code i} repeatedly calls the operation
     * {@code operations.forWorker(i, stopping)} gave it, until stopped, and counts each call that does
     * not return {@link #GAVE_UP}.
     */
    public WorkerPool(String name, int workers, Operations operations) {
        this(name, workers, (task, threadName, stack) -> new Thread(null, task, threadName, stack), operations, id -> { });
    }

    /**
     * As above, with the threads made by {@code threadMaker} (an allocator may want its own kind of
     * thread) and {@code onExit} called on each worker's own thread as it stops (so a worker can give
     * back what only its thread may release).
     */
    public WorkerPool(String name, int workers, ThreadMaker threadMaker, Operations operations, IntConsumer onExit) {
        if (workers < 1 || workers > 1 << 16) {
            throw new IllegalArgumentException("workers must be between 1 and 65536, was " + workers);
        }
        counts = new long[(workers + 2) * STRIDE];
        threads = new Thread[workers];
        for (int i = 0; i < workers; i++) {
            int id = i;
            Thread t = threadMaker.newThread(() -> work(id, operations, onExit), name + "-" + i, 256 * 1024);
            t.setDaemon(true);
            threads[i] = t;
        }
        for (Thread t : threads) {
            t.start();
        }
    }

    private void work(int id, Operations operations, IntConsumer onExit) {
        try {
            LongSupplier op = operations.forWorker(id, () -> stop);
            int slot = (id + 1) * STRIDE;
            long done = 0;
            long sink = 0;
            while (!stop) {
                long result = op.getAsLong();
                if (result != GAVE_UP) {
                    sink += result;
                    COUNTS.setOpaque(counts, slot, ++done);
                }
            }
            counts[slot + 1] = sink;
            onExit.accept(id);
        } catch (Throwable t) {
            failure = t;
        }
    }

    public int workers() {
        return threads.length;
    }

    /** Operations completed so far by all workers. */
    public long total() {
        checkHealthy();
        long sum = 0;
        for (int i = 0; i < threads.length; i++) {
            sum += (long) COUNTS.getOpaque(counts, (i + 1) * STRIDE);
        }
        return sum;
    }

    /** Copies each worker's completed-operation count into {@code into} (length {@link #workers()}). */
    public void snapshot(long[] into) {
        for (int i = 0; i < threads.length; i++) {
            into[i] = (long) COUNTS.getOpaque(counts, (i + 1) * STRIDE);
        }
    }

    /**
     * Parks until {@link #total()} reaches {@code target}; returns the total it saw. Each poll reads
     * every worker's counter, so the pause grows with the workers (20 µs up to 64 workers, 200 ns per
     * worker beyond): at 1000 workers a 20 µs poll would keep the measuring thread busy on a core the
     * workers need. A longer pause loses no operation: the window's target is cumulative, so
     * operations done while it sleeps count toward the next batch.
     */
    public long awaitTotal(long target) {
        long pause = Math.max(20_000L, threads.length * 200L);
        long seen;
        while ((seen = total()) < target) {
            LockSupport.parkNanos(pause);
        }
        return seen;
    }

    private void checkHealthy() {
        Throwable t = failure;
        if (t != null) {
            throw new IllegalStateException("a worker failed: " + t, t);
        }
    }

    /**
     * Stops every worker and waits for them, at most {@code timeoutMillis} in total.
     *
     * @return the number of workers still alive after the wait (0 when all stopped)
     */
    public int stop(long timeoutMillis) {
        stop = true;
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        int alive = 0;
        for (Thread t : threads) {
            long left = deadline - System.nanoTime();
            try {
                if (left > 0) {
                    t.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            if (t.isAlive()) {
                alive++;
            }
        }
        return alive;
    }

    @Override
    public void close() {
        int alive = stop(10_000);
        if (alive > 0) {
            System.err.println("WorkerPool: " + alive + " of " + threads.length
                    + " workers did not stop within 10 s (daemon threads, left to the JVM exit)");
        }
        checkHealthy();
    }

    /** Makes the pool's threads (the signature of {@code Allocator.newThread}). */
    @FunctionalInterface
    public interface ThreadMaker {
        Thread newThread(Runnable task, String name, long stackSize);
    }

    /** Makes each worker's operation, on the worker's own thread (so thread-local caches bind to it). */
    @FunctionalInterface
    public interface Operations {
        /**
         * @param stopping true once the pool is stopping: an operation waiting on a full allocator
         *                 should then give up and return {@link #GAVE_UP}
         */
        LongSupplier forWorker(int id, BooleanSupplier stopping);
    }

    /** Fairness of one measured window: per-worker operation counts between two snapshots. */
    public static Fairness fairness(long[] before, long[] after) {
        long[] ops = new long[before.length];
        int starved = 0;
        for (int i = 0; i < ops.length; i++) {
            ops[i] = after[i] - before[i];
            if (ops[i] == 0) {
                starved++;
            }
        }
        Arrays.sort(ops);
        long median = ops.length % 2 == 1 ? ops[ops.length / 2]
                : (ops[ops.length / 2 - 1] + ops[ops.length / 2]) / 2;
        return new Fairness(ops[0], median, ops[ops.length - 1], starved / (double) ops.length);
    }

    /** Operations per worker in one window: least, median, most, and the share of workers with none. */
    public record Fairness(long min, long median, long max, double starvedShare) {
    }
}
