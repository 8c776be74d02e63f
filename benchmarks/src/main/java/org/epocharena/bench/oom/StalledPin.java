package org.epocharena.bench.oom;

import java.util.concurrent.SynchronousQueue;
import org.epocharena.EpochArena;

/**
 * A thread that pins an arena on command and then does nothing, holding the pin: the "stalled
 * pinned thread" of epoch-based reclamation, which keeps every block of its epoch and later alive.
 * Commands are synchronous, so when {@link #pin()} returns the pin is in place.
 */
final class StalledPin implements AutoCloseable {
    private final SynchronousQueue<Boolean> commands = new SynchronousQueue<>();
    private final SynchronousQueue<Boolean> done = new SynchronousQueue<>();
    private final Thread thread;

    StalledPin(EpochArena arena) {
        thread = new Thread(() -> {
            EpochArena.Guard guard = null;
            try {
                while (true) {
                    boolean pin = commands.take();
                    if (pin && guard == null) {
                        guard = arena.pin();
                    } else if (!pin && guard != null) {
                        guard.close();
                        guard = null;
                    }
                    done.put(Boolean.TRUE);
                }
            } catch (InterruptedException e) {
                if (guard != null) {
                    guard.close();
                }
            }
        }, "stalled-pin");
        thread.setDaemon(true);
        thread.start();
    }

    void pin() {
        command(true);
    }

    void unpin() {
        command(false);
    }

    private void command(boolean pin) {
        try {
            commands.put(pin);
            done.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while commanding the stalled pin", e);
        }
    }

    @Override
    public void close() {
        thread.interrupt();
        try {
            thread.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
