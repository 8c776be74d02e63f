package org.epocharena.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.epocharena.ArenaKind;
import org.epocharena.EpochArena;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Contract rules 3 and 8 together: with no pins anywhere, once a thread has seen {@code epoch()} move
 * past a block's epoch, that block must be dead. A reclaim may not show its new epoch before it has
 * freed what it frees, or the two calls are not linearizable.
 *
 * <p>The window between the two steps is widened by pin slots a reclaim must scan: threads that
 * pinned once and stay alive (parked), so their slots are not reused. Two checkers each allocate,
 * spin until the epoch moves, and then ask {@code isLive}, while a third thread reclaims in a loop.
 */
class NewEpochVisibilityTest {
    private static final int IDLE_PINNERS = 300;

    @ParameterizedTest
    @EnumSource(ArenaKind.class)
    void neverShowsTheNewEpochWhileTheBlocksItFreesStillLookLive(ArenaKind kind) throws Exception {
        CountDownLatch finished = new CountDownLatch(1);
        List<Thread> idle = new ArrayList<>();
        try (EpochArena arena = kind.create(1 << 20)) {
            CountDownLatch registered = new CountDownLatch(IDLE_PINNERS);
            for (int i = 0; i < IDLE_PINNERS; i++) {
                Thread thread = new Thread(() -> {
                    arena.pin().close();
                    registered.countDown();
                    awaitQuietly(finished);
                }, "idle pinner " + i);
                thread.setDaemon(true);
                thread.start();
                idle.add(thread);
            }
            registered.await();

            AtomicBoolean done = new AtomicBoolean();
            AtomicReference<Throwable> failure = new AtomicReference<>();
            Thread reclaimer = new Thread(() -> {
                while (!done.get()) {
                    arena.reclaim();
                }
            });
            List<Thread> checkers = new ArrayList<>();
            for (int w = 0; w < 2; w++) {
                checkers.add(new Thread(() -> {
                    try {
                        for (int i = 0; i < 150; i++) {
                            long handle = arena.tryAllocate(16);
                            if (handle == EpochArena.OUT_OF_MEMORY) {
                                continue;
                            }
                            long blockEpoch = arena.epoch();   // at least the block's epoch
                            long later;
                            do {   // watch for the first instant the epoch moves on
                                Thread.onSpinWait();
                                later = arena.epoch();
                            } while (later == blockEpoch);
                            assertThat(arena.isLive(handle))
                                    .as("%s: block of epoch <= %d after epoch() returned %d", kind, blockEpoch, later)
                                    .isFalse();
                        }
                    } catch (Throwable e) {
                        failure.compareAndSet(null, e);
                    }
                }));
            }
            reclaimer.start();
            checkers.forEach(Thread::start);
            for (Thread checker : checkers) {
                checker.join();
            }
            done.set(true);
            reclaimer.join();
            assertThat(failure.get()).as("first failure").isNull();
        } finally {
            finished.countDown();
            for (Thread thread : idle) {
                thread.join();
            }
        }
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
