package org.epocharena.pin;

import java.lang.ref.WeakReference;
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
 * <p><b>Threads come and go.</b> A slot names its owner through a {@link WeakReference}, so the
 * registry never keeps a thread that ended reachable, and a thread that registers reuses the slot of
 * one that ended (cleared reference or {@link Thread#isAlive()} false) before it grows the array. So
 * the slots a reclaim scans are at most the threads that pinned and were alive at the same time,
 * however many threads a pool has replaced. A thread's own state (nesting depth, its guards) lives in
 * a {@link ThreadLocal}, which dies with the thread. Registration is rare (once per thread and
 * arena) and serialized on the registry; the scan reads the slots without locking and never writes
 * them, so a slot is only ever written by its owner or, under the lock, by the thread taking it over.
 *
 * <p><b>Dead pins.</b> A thread that dies while pinned is found by {@link Thread#isAlive()} during
 * the scan (only for the slot that would decide the result, so the native call runs about once per
 * scan), and its pin is ignored from then on: the scan remembers that owner as dead in the slot.
 *
 * <p><b>No garbage.</b> {@code pin()} hands out a guard kept per thread and per nesting depth, so
 * pinning allocates nothing after a thread's first pins, even where the guard escapes. The price: a
 * guard is only good until it is closed; the next pin at the same depth on that thread hands out the
 * same object again.
 */
public final class PinRegistry {
    private static final long UNPINNED = 0;
    private static final Slot[] NO_SLOTS = new Slot[0];

    private final ThreadLocal<PinState> mine = new ThreadLocal<>();
    /** Copy-on-write, and it only grows: a slot of a thread that ended is reused, never removed. */
    private volatile Slot[] slots = NO_SLOTS;
    /** What the last scan after an epoch advance found, or null if nobody was pinned. */
    private volatile Oldest oldest;

    /**
     * Pins the calling thread at {@code epoch}'s current value, or keeps its outer pin.
     *
     * @param epoch reads the arena's current epoch; must be linearizable with the arena's reclaim
     */
    public EpochArena.Guard pin(LongSupplier epoch) {
        PinState state = mine.get();
        if (state == null) {
            state = register();
        }
        Slot slot = state.slot;
        if (state.depth == 0) {
            long seen = epoch.getAsLong();
            while (true) {
                slot.pinned = seen;
                long now = epoch.getAsLong();
                if (now == seen) {
                    break;
                }
                seen = now;
            }
            state.epoch = seen;
        }
        return state.open();
    }

    /** The oldest epoch a live thread is pinned at, or {@code Long.MAX_VALUE} when none is pinned. */
    public long oldestPinnedEpoch() {
        return scan(Long.MIN_VALUE);
    }

    /**
     * {@link #oldestPinnedEpoch()} for a reclaim that has already moved the epoch on to
     * {@code newEpoch}, as the protocol above requires: usually without a scan. A pin such a scan
     * missed rechecked the moved epoch, so it is at {@code newEpoch} or later, and so is every later
     * pin. So when the oldest pin a scan found, {@code P}, is at most {@code newEpoch}, then while the
     * thread it found still holds its pin at {@code P} the oldest pin is exactly {@code P}. (A slow scan
     * can find a pin newer than {@code newEpoch} and miss an older one made meanwhile: such a finding
     * is not remembered.) With a thousand threads pinned on two cores the oldest is a thread waiting
     * for the CPU, which keeps its pin for many reclaims; a scan per reclaim would make every reclaim
     * cost a cache miss per thread.
     */
    public long oldestPinnedEpochAfterAdvance(long newEpoch) {
        Oldest last = oldest;
        if (last != null && last.slot.pinned == last.epoch && last.slot.owner == last.owner
                && last.slot.deadOwner != last.owner && isAlive(last.owner)) {
            return last.epoch;
        }
        return scan(newEpoch);
    }

    /** Scans every slot; remembers the oldest pin found when it is at most {@code rememberUpTo}. */
    private long scan(long rememberUpTo) {
        while (true) {
            Slot oldest = null;
            WeakReference<Thread> oldestOwner = null;
            long min = Long.MAX_VALUE;
            for (Slot slot : slots) {
                long pinned = slot.pinned;
                if (pinned != UNPINNED && pinned < min) {
                    WeakReference<Thread> owner = slot.owner;
                    if (owner != slot.deadOwner) {
                        min = pinned;
                        oldest = slot;
                        oldestOwner = owner;
                    }
                }
            }
            // Only the winner's liveness matters, so the native isAlive() runs once per scan, not per slot.
            if (oldest == null || isAlive(oldestOwner)) {
                if (rememberUpTo != Long.MIN_VALUE) {
                    this.oldest = oldest == null || min > rememberUpTo ? null : new Oldest(oldest, oldestOwner, min);
                }
                return min;
            }
            // A late mark for an owner that was replaced meanwhile names the old owner and so never matches.
            oldest.deadOwner = oldestOwner;
        }
    }

    /** Whether the calling thread holds a pin. */
    public boolean isPinnedHere() {
        PinState state = mine.get();
        return state != null && state.depth > 0;
    }

    /** The slots a reclaim scans: at most the threads that pinned and were alive at one time. */
    public int threadRecords() {
        return slots.length;
    }

    private synchronized PinState register() {
        Thread me = Thread.currentThread();
        WeakReference<Thread> owner = new WeakReference<>(me);
        Slot slot = null;
        for (Slot candidate : slots) {
            if (!isAlive(candidate.owner)) {
                slot = candidate;
                break;
            }
        }
        if (slot == null) {
            slot = new Slot(owner);
            Slot[] grown = Arrays.copyOf(slots, slots.length + 1);
            grown[grown.length - 1] = slot;
            slots = grown;
        } else {
            // The previous owner ended, so nothing else writes this slot: clear its pin, then hand it over.
            slot.pinned = UNPINNED;
            slot.owner = owner;
        }
        PinState state = new PinState(me, slot);
        mine.set(state);
        return state;
    }

    private static boolean isAlive(WeakReference<Thread> owner) {
        Thread thread = owner.get();
        return thread != null && thread.isAlive();
    }

    /** The oldest pin a scan found: its slot, the slot's owner then, and the epoch. */
    private static final class Oldest {
        final Slot slot;
        final WeakReference<Thread> owner;
        final long epoch;

        Oldest(Slot slot, WeakReference<Thread> owner, long epoch) {
            this.slot = slot;
            this.owner = owner;
            this.epoch = epoch;
        }
    }

    /** What a reclaim scans; one per thread alive at a time. */
    private static final class Slot {
        /** Written under the registry's lock only, when a new thread takes the slot over. */
        volatile WeakReference<Thread> owner;
        /** The owner a scan found dead while pinned; its pin no longer counts. */
        volatile WeakReference<Thread> deadOwner;
        /** The outermost pin's epoch, or {@link #UNPINNED}; written by the owner, read by every reclaimer. */
        volatile long pinned = UNPINNED;

        Slot(WeakReference<Thread> owner) {
            this.owner = owner;
        }
    }

    /** The calling thread's own pin state, reachable only from that thread (and guards it handed out). */
    private static final class PinState {
        final Thread owner;
        final Slot slot;
        /** Guards by depth, made on first use and reused: guards[d - 1] is the guard of depth d. */
        PinGuard[] guards = new PinGuard[2];
        int depth;
        long epoch;

        PinState(Thread owner, Slot slot) {
            this.owner = owner;
            this.slot = slot;
        }

        PinGuard open() {
            depth++;
            if (depth > guards.length) {
                guards = Arrays.copyOf(guards, guards.length * 2);
            }
            PinGuard guard = guards[depth - 1];
            if (guard == null) {
                guard = new PinGuard(this, depth);
                guards[depth - 1] = guard;
            }
            guard.open = true;
            return guard;
        }
    }

    private static final class PinGuard implements EpochArena.Guard {
        private final PinState state;
        private final int depth;
        /** Whether this guard stands for a pin not yet closed; touched by the owner thread only. */
        private boolean open;

        PinGuard(PinState state, int depth) {
            this.state = state;
            this.depth = depth;
        }

        @Override
        public long epoch() {
            return state.epoch;
        }

        @Override
        public void close() {
            Thread caller = Thread.currentThread();
            if (caller != state.owner) {
                throw new IllegalStateException("a pin guard of thread '" + state.owner.getName()
                        + "' can only be closed by that thread, not by '" + caller.getName() + "'");
            }
            if (!open) {
                return;
            }
            if (state.depth != depth) {
                throw new IllegalStateException("pin guard at depth " + depth
                        + " closed while the guard nested inside it (depth " + state.depth + ") is still open");
            }
            open = false;
            state.depth--;
            if (depth == 1) {
                state.slot.pinned = UNPINNED;
            }
        }
    }
}
