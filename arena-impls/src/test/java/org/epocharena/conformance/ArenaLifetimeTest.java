package org.epocharena.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.ref.WeakReference;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.epocharena.Design;
import org.epocharena.EpochArena;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Contract rule 4, last sentences: nothing per thread keeps an arena reachable after the arena is
 * closed or dropped. A pool thread that makes one arena per job, and lives on, must not accumulate
 * them: per-thread state (a cursor, a pin record) that leads back to the arena would keep every
 * arena that thread ever used, pool included.
 */
class ArenaLifetimeTest {
    private static final int JOBS = 3;

    @ParameterizedTest
    @MethodSource("org.epocharena.Design#all")
    void arenasClosedByALongLivedThreadAreCollectable(Design kind) throws Exception {
        assertJobArenasCollectable(kind, true);
    }

    @ParameterizedTest
    @MethodSource("org.epocharena.Design#all")
    void arenasDroppedUnclosedByALongLivedThreadAreCollectable(Design kind) throws Exception {
        assertJobArenasCollectable(kind, false);
    }

    private static void assertJobArenasCollectable(Design kind, boolean close) throws Exception {
        ExecutorService worker = Executors.newSingleThreadExecutor();
        try {
            @SuppressWarnings("unchecked")
            WeakReference<EpochArena>[] arenas = new WeakReference[JOBS];
            for (int job = 0; job < JOBS; job++) {
                arenas[job] = worker.submit(() -> oneJob(kind, close)).get(30, TimeUnit.SECONDS);
            }
            // The worker thread is alive and idle: only its per-thread state could still reach the arenas.
            for (int attempt = 0; attempt < 50 && anyReachable(arenas); attempt++) {
                System.gc();
                Thread.sleep(10);
            }
            for (int job = 0; job < JOBS; job++) {
                assertThat(arenas[job].get()).as("%s arena of job %d (%s) while its thread lives on", kind, job,
                        close ? "closed" : "dropped unclosed").isNull();
            }
        } finally {
            worker.shutdownNow();
        }
    }

    /** What a job does with its own arena: every path that can leave something per thread. */
    private static WeakReference<EpochArena> oneJob(Design kind, boolean close) {
        EpochArena arena = kind.create(1 << 20);
        try (EpochArena.Guard guard = arena.pin()) {
            long block = arena.allocate(64);
            arena.putLong(block, 0, 42);
        }
        long stamp = arena.pinStamp();
        for (int i = 0; i < 1000; i++) {
            arena.tryAllocate(256);
        }
        arena.unpin(stamp);
        arena.reclaim();
        arena.tryAllocate(64);
        if (close) {
            arena.close();
        }
        return new WeakReference<>(arena);
    }

    private static boolean anyReachable(WeakReference<EpochArena>[] arenas) {
        for (WeakReference<EpochArena> arena : arenas) {
            if (arena.get() != null) {
                return true;
            }
        }
        return false;
    }
}
