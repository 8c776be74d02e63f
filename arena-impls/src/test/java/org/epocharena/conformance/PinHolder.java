package org.epocharena.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.epocharena.EpochArena;

/**
 * A thread that pins an arena, runs a body inside the pin, then parks on a latch until the test
 * releases it (a stalled reader, in EBR terms). The body's result comes back to the test while the
 * pin is still held. {@link #releaseAndJoin()} closes the guard normally; {@link #dieAndJoin()} makes
 * the thread end by an exception thrown inside its pinned section, the way a crashing reader dies
 * ({@code Thread.stop} is gone on JDK 25).
 */
final class PinHolder<T> {
    private static final long STUCK_SECONDS = 30;

    private final CountDownLatch release = new CountDownLatch(1);
    private final CompletableFuture<T> inside = new CompletableFuture<>();
    private final CompletableFuture<Long> pinnedAt = new CompletableFuture<>();
    private final Thread thread;
    private volatile boolean die;

    private PinHolder(EpochArena arena, Function<EpochArena, T> body, String name) {
        thread = new Thread(() -> {
            try (EpochArena.Guard guard = arena.pin()) {
                pinnedAt.complete(guard.epoch());
                inside.complete(body.apply(arena));
                release.await();
                if (die) {
                    throw new IllegalStateException("planted: " + name + " dies while pinned");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (RuntimeException e) {
                inside.completeExceptionally(e);
                throw e;
            }
        }, name);
        thread.setUncaughtExceptionHandler((t, e) -> { });
    }

    /** Starts the holder and returns once it is pinned and its body has run. */
    static <T> PinHolder<T> start(EpochArena arena, String name, Function<EpochArena, T> body) {
        PinHolder<T> holder = new PinHolder<>(arena, body, name);
        holder.thread.start();
        holder.result();
        return holder;
    }

    static PinHolder<Void> start(EpochArena arena, String name) {
        return start(arena, name, a -> null);
    }

    T result() {
        return inside.orTimeout(STUCK_SECONDS, TimeUnit.SECONDS).join();
    }

    long pinnedEpoch() {
        return pinnedAt.join();
    }

    void releaseAndJoin() throws InterruptedException {
        release.countDown();
        join();
    }

    void dieAndJoin() throws InterruptedException {
        die = true;
        release.countDown();
        join();
    }

    private void join() throws InterruptedException {
        thread.join(TimeUnit.SECONDS.toMillis(STUCK_SECONDS));
        assertThat(thread.isAlive()).as("%s still running", thread.getName()).isFalse();
    }
}
