package org.epocharena.pin;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.Arrays;
import java.util.function.LongSupplier;
import org.epocharena.EpochArena;

/**
 * Which threads are pinned at which epoch, as in epoch-based reclamation: each thread owns one slot
 * and publishes its pinned epoch there; {@code reclaim()} scans the slots for the oldest.
 *
 * <p>The pin protocol is the usual store-then-recheck: a thread writes the epoch it read into its
 * slot (a volatile write) and reads the epoch again; if it moved, it repins. A reclaimer first
 * advances the epoch and only then scans. With both sides volatile, either the scan sees the pin or
 * the pinning thread sees the new epoch, so no block a pin protects is ever freed under it.
 *
 * <p>A thread that dies while pinned is found by {@link Thread#isAlive()} during the scan, its pin is
 * dropped and its slot forgotten. Pinning allocates nothing after a thread's first pin: the slot is
 * reused and the guard does not escape the caller's try-with-resources, so escape analysis removes it.
 */
public final class PinRegistry {
    private static final long UNPINNED = 0;
    private static final Slot[] NO_SLOTS = new Slot[0];
    private static final VarHandle SLOTS;

    static {
        try {
            SLOTS = MethodHandles.lookup().findVarHandle(PinRegistry.class, "slots", Slot[].class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final ThreadLocal<Slot> mine = new ThreadLocal<>();
    /** Copy-on-write: registration happens once per thread, scans happen on every reclaim. */
    private volatile Slot[] slots = NO_SLOTS;

    /**
     * Pins the calling thread at {@code epoch}'s current value, or keeps its outer pin.
     *
     * @param epoch reads the arena's current epoch; must be linearizable with the arena's reclaim
     */
    public EpochArena.Guard pin(LongSupplier epoch) {
        Slot slot = mine.get();
        if (slot == null) {
            slot = register();
        }
        if (slot.depth == 0) {
            long seen = epoch.getAsLong();
            while (true) {
                slot.pinned = seen;
                long now = epoch.getAsLong();
                if (now == seen) {
                    break;
                }
                seen = now;
            }
        }
        slot.depth++;
        return new PinGuard(slot, slot.depth, slot.pinned);
    }

    /** The oldest epoch a live thread is pinned at, or {@code Long.MAX_VALUE} when none is pinned. */
    public long oldestPinnedEpoch() {
        while (true) {
            Slot oldest = null;
            long min = Long.MAX_VALUE;
            for (Slot slot : slots) {
                long pinned = slot.pinned;
                if (pinned != UNPINNED && pinned < min) {
                    min = pinned;
                    oldest = slot;
                }
            }
            // Only the winner's liveness matters, so the native isAlive() runs once per scan, not per slot.
            if (oldest == null || oldest.owner.isAlive()) {
                return min;
            }
            forget(oldest);
        }
    }

    /** Whether the calling thread holds a pin. */
    public boolean isPinnedHere() {
        Slot slot = mine.get();
        return slot != null && slot.depth > 0;
    }

    private Slot register() {
        Slot slot = new Slot(Thread.currentThread());
        mine.set(slot);
        while (true) {
            Slot[] current = slots;
            Slot[] next = Arrays.copyOf(current, current.length + 1);
            next[current.length] = slot;
            if (SLOTS.compareAndSet(this, current, next)) {
                return slot;
            }
        }
    }

    private void forget(Slot dead) {
        dead.pinned = UNPINNED;
        while (true) {
            Slot[] current = slots;
            int at = Arrays.asList(current).indexOf(dead);
            if (at < 0) {
                return;
            }
            Slot[] next = new Slot[current.length - 1];
            System.arraycopy(current, 0, next, 0, at);
            System.arraycopy(current, at + 1, next, at, next.length - at);
            if (SLOTS.compareAndSet(this, current, next)) {
                return;
            }
        }
    }

    private static final class Slot {
        final Thread owner;
        /** Nesting depth; touched only by the owner. */
        int depth;
        /** The outermost pin's epoch, or {@link #UNPINNED}; read by every reclaimer. */
        volatile long pinned = UNPINNED;

        Slot(Thread owner) {
            this.owner = owner;
        }
    }

    private static final class PinGuard implements EpochArena.Guard {
        private final Slot slot;
        private final int depth;
        private final long epoch;
        private boolean closed;

        PinGuard(Slot slot, int depth, long epoch) {
            this.slot = slot;
            this.depth = depth;
            this.epoch = epoch;
        }

        @Override
        public long epoch() {
            return epoch;
        }

        @Override
        public void close() {
            if (closed) {
                return;
            }
            Thread caller = Thread.currentThread();
            if (caller != slot.owner) {
                throw new IllegalStateException("a pin guard of thread '" + slot.owner.getName()
                        + "' can only be closed by that thread, not by '" + caller.getName() + "'");
            }
            if (slot.depth != depth) {
                throw new IllegalStateException("pin guard at depth " + depth
                        + " closed while the guard nested inside it (depth " + slot.depth + ") is still open");
            }
            closed = true;
            slot.depth--;
            if (depth == 1) {
                slot.pinned = UNPINNED;
            }
        }
    }
}
