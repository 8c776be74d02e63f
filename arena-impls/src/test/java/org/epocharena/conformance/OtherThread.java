package org.epocharena.conformance;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs one call on a fresh platform thread and hands back its result or its exception, so a test
 * can say "thread 2 allocates" literally. A fresh thread per call (not a pool) because pins belong
 * to threads and a reused pool thread would carry state from one step into the next.
 */
final class OtherThread {
    /** Liveness guard only: a step that takes this long is stuck, not slow. */
    private static final Duration STUCK = Duration.ofSeconds(30);

    private OtherThread() {
    }

    static <T> T call(String name, Callable<T> body) {
        FutureTask<T> task = new FutureTask<>(body);
        Thread thread = new Thread(task, name);
        thread.start();
        try {
            return task.get(STUCK.toSeconds(), TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException) {
                throw (RuntimeException) cause;
            }
            if (cause instanceof Error) {
                throw (Error) cause;
            }
            throw new AssertionError(cause);
        } catch (TimeoutException e) {
            throw new AssertionError("thread '" + name + "' did not finish within " + STUCK, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    static void run(String name, Runnable body) {
        call(name, () -> {
            body.run();
            return null;
        });
    }

    /** Starts {@code body} and waits for the thread to end, however it ends; returns the thread. */
    static Thread runToDeath(String name, Runnable body) throws InterruptedException {
        Thread thread = new Thread(body, name);
        thread.setUncaughtExceptionHandler((t, e) -> { });
        thread.start();
        thread.join(STUCK.toMillis());
        if (thread.isAlive()) {
            throw new AssertionError("thread '" + name + "' did not end within " + STUCK);
        }
        return thread;
    }
}
