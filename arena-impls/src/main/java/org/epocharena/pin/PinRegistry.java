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
 * however many threads a pool has replaced. A thread's own pins (their stamps, innermost last) live
 * in its slot, written by the owner only; a {@link ThreadLocal} finds the slot, and dies with the thread. Registration is rare (once per thread and
 * arena) and serialized on the registry; the scan reads the slots without locking and never writes
 * them, so a slot is only ever written by its owner or, under the lock, by the thread taking it over.
 *
 * <p><b>Dead pins.</b> A thread that dies while pinned is found by {@link Thread#isAlive()} during
 * the scan (only for the slot that would decide the result, so the native call runs about once per
 * scan), and its pin is ignored from then on: the scan remembers that owner as dead in the slot.
 *
 * <p><b>Stamps, and guards that cannot go stale.</b> Every pin gets a stamp, as a {@code StampedLock}
 * lock does: the slot's index and a count of the pins ever taken in that slot. A thread keeps the
 * stamps of its open pins, innermost last; releasing a stamp that is not among them (closed already,
 * or issued to an earlier owner of the slot) does nothing, so a stale stamp can never release a pin
 * taken after it. {@link #pinStamp} and {@link #unpin} allocate nothing; {@link #pin} wraps the stamp
 * in a fresh {@link EpochArena.Guard} of three fields, which escape analysis removes where every use
 * of it is inlined (JDK 17's C2 leaves the close on try-with-resources' exception path out). The count has
 * {@value #COUNT_BITS} bits: a stamp kept unreleased while its slot takes 2^43 more pins could be
 * mistaken for a current one (about two days of pinning on one slot without pause).
 */
public final class PinRegistry {
    /** Bits of a stamp that count a slot's pins; the slot's index sits above them. */
    static final int COUNT_BITS = 43;
    private static final long COUNT_MASK = (1L << COUNT_BITS) - 1;
    /** Slot indexes fit in the stamp's other bits, below the sign. */
    static final int MAX_SLOTS = 1 << (63 - COUNT_BITS);
    private static final long UNPINNED = 0;
    private static final Slot[] NO_SLOTS = new Slot[0];

    private final ThreadLocal<Slot> mine = new ThreadLocal<>();
    /** Copy-on-write, and it only grows: a slot of a thread that ended is reused, never removed. */
    private volatile Slot[] slots = NO_SLOTS;
    /** Mixed into every stamp's count, so a stamp of another arena is almost surely none of this one's. */
    private final long salt = java.util.concurrent.ThreadLocalRandom.current().nextLong() & COUNT_MASK;
    /** What the last scan after an epoch advance found, or null if nobody was pinned. */
    private volatile Oldest oldest;

    /**
     * Pins the calling thread at {@code epoch}'s current value, or keeps its outer pin, and returns a
     * guard for this pin alone.
     *
     * @param epoch reads the arena's current epoch; must be linearizable with the arena's reclaim
     */
    public EpochArena.Guard pin(LongSupplier epoch) {
        Slot slot = slot();
        long stamp = slot.open(epoch);
        return new StampGuard(slot, stamp, slot.epoch);
    }

    /** {@link #pin} without the guard: the stamp to give {@link #unpin}; allocates nothing. */
    public long pinStamp(LongSupplier epoch) {
        return slot().open(epoch);
    }

    /**
     * Releases the pin {@code stamp} names if it is the calling thread's innermost open pin; does
     * nothing if that pin was released already or the stamp went to an earlier owner of the slot.
     *
     * @throws IllegalArgumentException if {@code stamp} is negative
     * @throws IllegalStateException if the stamp was issued to another thread, or names an open pin
     *                               with a pin nested inside it still open; nothing changes
     */
    public void unpin(long stamp) {
        if (stamp < 0) {
            throw new IllegalArgumentException("a pin stamp is never negative, was " + stamp);
        }
        // The stamp names its slot: no thread-local lookup, so unpinning costs what closing a guard does.
        Slot[] all = slots;
        int index = (int) (stamp >>> COUNT_BITS);
        if (index >= all.length) {
            throw notIssuedHere(stamp);
        }
        all[index].close(Thread.currentThread(), stamp);
    }

    private Slot slot() {
        Slot slot = mine.get();
        return slot != null ? slot : register();
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

    /** The slots a reclaim scans: at most the threads that pinned and were alive at the same time. */
    public int threadRecords() {
        return slots.length;
    }

    private synchronized Slot register() {
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
            if (slots.length == MAX_SLOTS) {
                throw new IllegalStateException("more than " + MAX_SLOTS + " threads alive at once have pinned this arena");
            }
            slot = new Slot(slots.length, owner, me.getId(), salt);
            Slot[] grown = Arrays.copyOf(slots, slots.length + 1);
            grown[grown.length - 1] = slot;
            slots = grown;
        } else {
            // The previous owner ended, so nothing else writes this slot: clear its pin, then hand it over.
            // Its pin count carries on, so none of the previous owner's stamps can match a new pin.
            slot.pinned = UNPINNED;
            slot.depth = 0;
            slot.ownerId = me.getId();
            slot.owner = owner;
        }
        mine.set(slot);
        return slot;
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

    /**
     * One thread's record: what a reclaim scans (its pinned epoch) and, written by the owner only, its
     * open pins. Reachable from the registry, from its owner's thread-local and from guards it handed
     * out; never leads back to the arena, so it keeps nothing of the arena alive.
     */
    private static final class Slot {
        final int index;
        /** Written under the registry's lock only, when a new thread takes the slot over. */
        volatile WeakReference<Thread> owner;
        /** The owner's thread id, to tell a close from another thread without a thread-local lookup. */
        long ownerId;
        /** The owner a scan found dead while pinned; its pin no longer counts. */
        volatile WeakReference<Thread> deadOwner;
        /** The outermost pin's epoch, or {@link #UNPINNED}; written by the owner, read by every reclaimer. */
        volatile long pinned = UNPINNED;
        /**
         * Pins ever taken in this slot, by any of its owners; written by the owner only. A new owner
         * reads it after {@code isAlive()} said the previous one ended, which orders the two.
         */
        long pins;
        /** The stamps of the open pins, outermost first: open[d - 1] is the stamp of depth d. */
        long[] open = new long[4];
        int depth;
        /** The outermost open pin's epoch. */
        long epoch;

        final long salt;

        Slot(int index, WeakReference<Thread> owner, long ownerId, long salt) {
            this.index = index;
            this.salt = salt;
            this.owner = owner;
            this.ownerId = ownerId;
        }

        long open(LongSupplier currentEpoch) {
            if (depth == 0) {
                long seen = currentEpoch.getAsLong();
                while (true) {
                    pinned = seen;
                    long now = currentEpoch.getAsLong();
                    if (now == seen) {
                        break;
                    }
                    seen = now;
                }
                epoch = seen;
            }
            long count = (pins + 1) & COUNT_MASK;
            pins = count;
            long stamp = ((long) index << COUNT_BITS) | (count ^ salt);
            if (depth == open.length) {
                open = Arrays.copyOf(open, depth * 2);
            }
            open[depth++] = stamp;
            return stamp;
        }

        void close(Thread caller, long stamp) {
            if (caller.getId() != ownerId) {
                throw wrongThread(stamp, caller);
            }
            int top = depth - 1;
            if (top < 0 || open[top] != stamp) {
                for (int d = 0; d < top; d++) {
                    if (open[d] == stamp) {
                        throw nestedStillOpen(d + 1, depth);
                    }
                }
                return;   // released already: a stale stamp changes nothing
            }
            depth = top;
            if (top == 0) {
                pinned = UNPINNED;
            }
        }
    }

    private static IllegalStateException nestedStillOpen(int depth, int innermost) {
        return new IllegalStateException("pin at depth " + depth
                + " closed while the pin nested inside it (depth " + innermost + ") is still open");
    }

    private static IllegalStateException wrongThread(long stamp, Thread caller) {
        return new IllegalStateException("pin " + stamp + " belongs to another thread; it can only be released"
                + " by that thread, not by '" + caller.getName() + "'");
    }

    private static IllegalStateException notIssuedHere(long stamp) {
        return new IllegalStateException("pin stamp " + stamp + " was not issued by this arena to thread '"
                + Thread.currentThread().getName() + "'");
    }

    /** One pin, and only that one: a fresh object per pin, so a reference kept past its close is harmless. */
    private static final class StampGuard implements EpochArena.Guard {
        private final Slot slot;
        private final long stamp;
        private final long epoch;

        StampGuard(Slot slot, long stamp, long epoch) {
            this.slot = slot;
            this.stamp = stamp;
            this.epoch = epoch;
        }

        @Override
        public long epoch() {
            return epoch;
        }

        /** Small, so that the JIT inlines it wherever it inlines cold calls: a guard that escapes is allocated. */
        @Override
        public void close() {
            slot.close(Thread.currentThread(), stamp);
        }
    }
}
