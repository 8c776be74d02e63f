package org.epocharena.bench.reclaim;

import java.util.List;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.epocharena.EpochArena;

/**
 * Parked threads that each hold a pin on every arena of a batch, re-pinned on command at the arenas'
 * current epoch: the pin slots a {@code reclaim()} must scan. With no arenas (a baseline) they are
 * just parked live threads, which is what a JVM-wide operation such as closing a shared FFM arena
 * (a handshake with every thread) has to deal with.
 */
final class PinnedCrowd implements AutoCloseable {
    private final Thread[] threads;
    private final CyclicBarrier start;
    private final CyclicBarrier done;
    private volatile List<EpochArena> arenas = List.of();
    private volatile boolean closed;

    PinnedCrowd(int size) {
        threads = new Thread[size];
        start = new CyclicBarrier(size + 1);
        done = new CyclicBarrier(size + 1);
        for (int i = 0; i < size; i++) {
            threads[i] = new Thread(null, this::work, "pinned-" + i, 128 * 1024);
            threads[i].setDaemon(true);
            threads[i].start();
        }
    }

    private void work() {
        EpochArena.Guard[] guards = new EpochArena.Guard[0];
        try {
            while (true) {
                start.await();
                for (EpochArena.Guard g : guards) {
                    g.close();
                }
                if (closed) {
                    return;
                }
                List<EpochArena> now = arenas;
                guards = new EpochArena.Guard[now.size()];
                for (int i = 0; i < guards.length; i++) {
                    guards[i] = now.get(i).pin();
                }
                done.await();
            }
        } catch (InterruptedException | BrokenBarrierException e) {
            // closing
        }
    }

    /** Every thread drops its pins and pins each of {@code targets} at its current epoch; returns when all have. */
    void repin(List<EpochArena> targets) {
        if (threads.length == 0) {
            return;
        }
        arenas = targets;
        try {
            start.await(60, TimeUnit.SECONDS);
            done.await(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while re-pinning", e);
        } catch (BrokenBarrierException | TimeoutException e) {
            throw new IllegalStateException(threads.length + " pinned threads did not re-pin within 60 s", e);
        }
    }

    @Override
    public void close() {
        if (threads.length == 0) {
            return;
        }
        closed = true;
        try {
            start.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (BrokenBarrierException | TimeoutException e) {
            // gone already
        }
        for (Thread t : threads) {
            t.interrupt();
        }
    }
}
