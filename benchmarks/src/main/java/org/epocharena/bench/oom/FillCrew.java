package org.epocharena.bench.oom;

import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.epocharena.EpochArena;
import org.epocharena.bench.workload.SizeMix;

/**
 * A few threads that allocate into one arena together, each from its own fixed sequence of mixed
 * sizes (16..1024), until the first failure of any of them or until each has placed its byte budget.
 * Started once per trial; each {@link #run} is one round. The same sequences for every design, so
 * "usable before the first failure" compares designs, and several threads, so per-thread stripes or
 * chunks and their tails are exercised as in an application.
 */
final class FillCrew implements AutoCloseable {
    private final Thread[] threads;
    private final int[][] sizes;
    private final long[] placed;
    private final CyclicBarrier start;
    private final CyclicBarrier done;
    private volatile EpochArena arena;
    private volatile long budget;
    private volatile boolean failed;
    private volatile boolean closed;

    FillCrew(int fillers, int capacity) {
        if (fillers < 1 || fillers > 1024) {
            throw new IllegalArgumentException("fillers must be between 1 and 1024, was " + fillers);
        }
        sizes = new int[fillers][capacity / EpochArena.MIN_BLOCK + 1];
        for (int t = 0; t < fillers; t++) {
            long random = 0x0FF1CE + t;
            for (int i = 0; i < sizes[t].length; i++) {
                random = SizeMix.next(random);
                sizes[t][i] = SizeMix.MIXED.size(random);
            }
        }
        placed = new long[fillers];
        start = new CyclicBarrier(fillers + 1);
        done = new CyclicBarrier(fillers + 1);
        threads = new Thread[fillers];
        for (int t = 0; t < fillers; t++) {
            int id = t;
            threads[t] = new Thread(() -> work(id), "filler-" + t);
            threads[t].setDaemon(true);
            threads[t].start();
        }
    }

    private void work(int id) {
        try {
            while (true) {
                start.await();
                if (closed) {
                    return;
                }
                EpochArena a = arena;
                long limit = budget;
                long bytes = 0;
                for (int size : sizes[id]) {
                    if (failed || bytes >= limit) {
                        break;
                    }
                    if (a.tryAllocate(size) == EpochArena.OUT_OF_MEMORY) {
                        failed = true;
                        break;
                    }
                    bytes += size;
                }
                placed[id] = bytes;
                done.await();
            }
        } catch (InterruptedException | BrokenBarrierException e) {
            // closing
        }
    }

    /**
     * One round: every thread allocates until the first failure of any thread, or until it placed
     * {@code bytesPerThread}; returns the bytes all of them placed.
     */
    long run(EpochArena target, long bytesPerThread) {
        arena = target;
        budget = bytesPerThread;
        failed = false;
        try {
            start.await(30, TimeUnit.SECONDS);
            done.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while filling", e);
        } catch (BrokenBarrierException | TimeoutException e) {
            throw new IllegalStateException("the fill threads did not finish a round within 30 s", e);
        }
        long sum = 0;
        for (long p : placed) {
            sum += p;
        }
        return sum;
    }

    int fillers() {
        return threads.length;
    }

    @Override
    public void close() {
        closed = true;
        try {
            start.await(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (BrokenBarrierException | TimeoutException e) {
            // threads gone already
        }
        for (Thread t : threads) {
            t.interrupt();
        }
    }
}
