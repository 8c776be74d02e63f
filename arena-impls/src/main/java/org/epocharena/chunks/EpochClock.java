package org.epocharena.chunks;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import org.epocharena.ArenaLimits;
import java.util.function.LongUnaryOperator;
import org.epocharena.block.BlockTable;

/**
 * The epoch and its reclaims, without a lock: a thread that meets an epoch change half done finishes
 * it itself, so a reclaimer preempted in the middle holds up nobody (with a thousand threads on two
 * cores a preempted lock holder stalls every other thread for a whole round of the scheduler).
 *
 * <p>{@link #state()} is the epoch shifted left by one, with the low bit set while a change is under
 * way. A change from {@code E} is owned by the one reclaim whose {@link Change} is installed for it (a
 * compare-and-set on {@code change}), and takes effect when anyone sets the odd bit: from then on the
 * epoch is {@code E + 1} to everyone, because every reader that sees the odd bit finishes the change
 * before it answers ({@link #settledState()}). Finishing is idempotent steps: decide the freeing bound
 * {@code min(E + 1, oldest pin)} once (first writer wins; the pin scan runs after the odd bit, as
 * {@link org.epocharena.pin.PinRegistry} requires), raise the block table's freed bound to it, then publish the even
 * state of {@code E + 1}. So nobody sees the new epoch while a block it frees still answers as live,
 * and a late helper repeats only steps that are already done. One small object per reclaim.
 */
final class EpochClock {
    private static final long UNDECIDED = -1;
    private static final VarHandle STATE;
    private static final VarHandle CHANGE;
    private static final VarHandle BOUND;

    static {
        try {
            MethodHandles.Lookup lookup = MethodHandles.lookup();
            STATE = lookup.findVarHandle(EpochClock.class, "state", long.class);
            CHANGE = lookup.findVarHandle(EpochClock.class, "change", Change.class);
            BOUND = lookup.findVarHandle(Change.class, "bound", long.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final BlockTable blocks;
    /** Given the epoch a change moves to, the oldest epoch a live thread has pinned, or {@code Long.MAX_VALUE}. */
    private final LongUnaryOperator oldestPinned;
    private final long maxEpoch;
    private volatile long state = 1L << 1;
    /** The latest change installed; the one that led to epoch 1 is done from the start. */
    private volatile Change change = new Change(0, 1, 1);

    EpochClock(BlockTable blocks, LongUnaryOperator oldestPinned, long maxEpoch) {
        this.blocks = blocks;
        this.oldestPinned = oldestPinned;
        this.maxEpoch = maxEpoch;
    }

    /** The state as it is: even when settled, odd while a change is under way. */
    long state() {
        return state;
    }

    /** The state once no change is under way, finishing one if needed; always even. */
    long settledState() {
        long current = state;
        while ((current & 1) != 0) {
            Change pending = change;
            if (pending.from == current >>> 1) {
                finish(pending);
            }
            current = state;
        }
        return current;
    }

    long epoch() {
        return settledState() >>> 1;
    }

    /** Ends {@code epochs} epochs at once (one change) and returns the new epoch. */
    long advance(long epochs) {
        while (true) {
            long current = settledState();
            long epoch = current >>> 1;
            Change last = change;
            if (last.from == epoch) {
                finish(last);   // another reclaim owns this change: finish it, then make ours
                continue;
            }
            if (last.to != epoch) {
                continue;   // the epoch moved on between the two reads
            }
            Change mine = new Change(epoch, ArenaLimits.nextEpoch(epoch, epochs, maxEpoch), UNDECIDED);
            if (CHANGE.compareAndSet(this, last, mine)) {
                finish(mine);
                return mine.to;
            }
        }
    }

    private void finish(Change pending) {
        long odd = (pending.from << 1) | 1;
        STATE.compareAndSet(this, pending.from << 1, odd);
        long bound = pending.bound;
        if (bound == UNDECIDED) {
            long mine = Math.min(pending.to, oldestPinned.applyAsLong(pending.to));
            long witness = (long) BOUND.compareAndExchange(pending, UNDECIDED, mine);
            bound = witness == UNDECIDED ? mine : witness;
        }
        blocks.freeBelow(bound);
        STATE.compareAndSet(this, odd, pending.to << 1);
    }

    /** One epoch change: from, to, and the freeing bound once decided. */
    private static final class Change {
        final long from;
        final long to;
        volatile long bound;

        Change(long from, long to, long bound) {
            this.from = from;
            this.to = to;
            this.bound = bound;
        }
    }
}
