package org.epocharena.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.ref.WeakReference;
import org.epocharena.ArenaDiagnostics;
import org.epocharena.ArenaKind;
import org.epocharena.EpochArena;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Contract rule 4, last sentence: what an arena keeps per thread is bounded by the threads alive now.
 * A pool that replaces its threads (here 5 000 short-lived threads, {@value #AT_ONCE} alive at a
 * time, each pinning and allocating once) must leave no more records than threads that were alive
 * together, and a thread that pinned and ended must be collectable: the arena holds no strong
 * reference to it. The size is asserted, never the time a reclaim takes.
 */
class ThreadChurnTest {
    private static final int THREADS = 5_000;
    private static final int AT_ONCE = 4;

    @ParameterizedTest
    @EnumSource(ArenaKind.class)
    void recordsOfThreadsThatEndedAreReused(ArenaKind kind) throws InterruptedException {
        try (EpochArena arena = kind.create(1 << 16)) {
            Thread[] batch = new Thread[AT_ONCE];
            for (int started = 0; started < THREADS; started += AT_ONCE) {
                for (int i = 0; i < AT_ONCE; i++) {
                    batch[i] = new Thread(() -> {
                        try (EpochArena.Guard guard = arena.pin()) {
                            arena.tryAllocate(64);
                        }
                    });
                    batch[i].start();
                }
                for (Thread thread : batch) {
                    thread.join();
                }
                if (started % 1000 == 0) {
                    arena.reclaim();
                }
            }
            arena.reclaim();
            // The threads of one batch were alive together; this thread never pinned.
            assertThat(((ArenaDiagnostics) arena).threadRecords())
                    .as("%s per-thread records after %d threads, %d alive at a time", kind, THREADS, AT_ONCE)
                    .isLessThanOrEqualTo(AT_ONCE);
        }
    }

    @ParameterizedTest
    @EnumSource(ArenaKind.class)
    void aThreadThatPinnedAndEndedIsCollectable(ArenaKind kind) throws InterruptedException {
        try (EpochArena arena = kind.create(1 << 16)) {
            Thread thread = new Thread(() -> {
                try (EpochArena.Guard guard = arena.pin()) {
                    arena.tryAllocate(64);
                }
            });
            thread.start();
            thread.join();
            WeakReference<Thread> gone = new WeakReference<>(thread);
            thread = null;
            arena.reclaim();
            for (int attempt = 0; attempt < 50 && gone.get() != null; attempt++) {
                System.gc();
                Thread.sleep(10);
            }
            assertThat(gone.get()).as("%s still reaches a thread that ended", kind).isNull();
            arena.tryAllocate(64);   // the arena stays usable (and reachable) up to here
        }
    }

    /**
     * A thread that dies while pinned is neither kept reachable nor counted, and nothing waits for a
     * reclaim or a failed allocation to find out: 1000 threads end pinned one after another with no
     * reclaim, and the records stay at one.
     */
    @ParameterizedTest
    @EnumSource(ArenaKind.class)
    void threadsThatEndedWhilePinnedAreNeitherKeptNorCounted_beforeAnyReclaim(ArenaKind kind) throws Exception {
        try (EpochArena arena = kind.create(1 << 16)) {
            WeakReference<Thread> last = null;
            for (int t = 0; t < 1000; t++) {
                Thread thread = OtherThread.runToDeath("dies pinned " + t, () -> {
                    EpochArena.Guard guard = arena.pin();
                    arena.tryAllocate(64);
                    throw new IllegalStateException("dies holding " + guard.epoch());
                });
                last = new WeakReference<>(thread);
            }
            assertThat(((ArenaDiagnostics) arena).threadRecords())
                    .as("%s per-thread records after 1000 threads ended pinned, one at a time, no reclaim", kind)
                    .isLessThanOrEqualTo(1);
            for (int attempt = 0; attempt < 50 && last.get() != null; attempt++) {
                System.gc();
                Thread.sleep(10);
            }
            assertThat(last.get()).as("%s still reaches a thread that ended pinned", kind).isNull();
            arena.tryAllocate(64);   // the arena stays reachable up to here
        }
    }
}
