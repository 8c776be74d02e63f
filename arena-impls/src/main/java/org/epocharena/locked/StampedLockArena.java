package org.epocharena.locked;

import java.util.concurrent.locks.StampedLock;
import org.epocharena.ArenaLimits;
import org.epocharena.block.AbstractBlockArena;
import org.epocharena.ring.EpochRing;

/**
 * The same {@link EpochRing} as {@link SynchronizedArena}, behind a {@link StampedLock}.
 *
 * <p>Placing and reclaiming take the write lock. Optimistic reads are used where the answer can be
 * had without writing: {@link #epoch()}, {@link #usedBytes()} and the failure of a full arena. Before
 * queueing for the write lock, {@code place} asks the ring under an optimistic stamp whether the
 * block could fit at all; if it cannot and the stamp validates, the arena was full at that instant
 * and the call returns {@code OUT_OF_MEMORY} without ever writing the lock word, so threads hammering
 * a full arena fail in parallel instead of queueing. Values read under a stamp may be inconsistent
 * until {@code validate}; {@link EpochRing#fits} only compares primitives, so they cannot do harm.
 *
 * <p>Trade-off: successful placements still serialize on one write lock, and a queued writer parks
 * through the JDK's node queue, which allocates a small node when it has to park (never on the
 * uncontended or the optimistic-failure path). Because a reclaim holds the write lock from before
 * its pin scan until after it has freed, an optimistic {@code epoch()} read overlapping it fails
 * validation and waits, so nobody sees the new epoch while freed blocks still look live.
 */
public final class StampedLockArena extends AbstractBlockArena {
    private final StampedLock lock = new StampedLock();
    private final EpochRing ring;
    /** Written under the write lock only. */
    private volatile long epoch = 1;

    public StampedLockArena(int capacity) {
        super(capacity);
        this.ring = new EpochRing(capacity);
    }

    @Override
    protected long place(int size) {
        long stamp = lock.tryOptimisticRead();
        if (stamp != 0 && !ring.fits(size) && lock.validate(stamp)) {
            return OUT_OF_MEMORY;
        }
        stamp = lock.writeLock();
        try {
            long epoch = this.epoch;
            int offset = ring.place(size, epoch);
            return offset < 0 ? OUT_OF_MEMORY : blocks.record(epoch, offset, size);
        } finally {
            lock.unlockWrite(stamp);
        }
    }

    @Override
    public long reclaim(long epochs) {
        ensureOpen();
        // Taking the write lock is the announcement the pin protocol needs before the scan: an
        // optimistic epoch() read by a pinning thread that overlaps it fails and waits.
        long stamp = lock.writeLock();
        try {
            long next = ArenaLimits.nextEpoch(epoch, epochs, maxEpoch);
            epoch = next;
            long freeBelow = Math.min(next, pins.oldestPinnedEpochAfterAdvance(next));
            ring.freeBelow(freeBelow);
            blocks.freeBelow(freeBelow);
            return next;
        } finally {
            lock.unlockWrite(stamp);
        }
    }

    @Override
    public long epoch() {
        ensureOpen();
        long stamp = lock.tryOptimisticRead();
        long epoch = this.epoch;
        if (lock.validate(stamp)) {
            return epoch;
        }
        stamp = lock.readLock();
        try {
            return this.epoch;
        } finally {
            lock.unlockRead(stamp);
        }
    }

    @Override
    public long usedBytes() {
        ensureOpen();
        long stamp = lock.tryOptimisticRead();
        long used = ring.used();
        if (lock.validate(stamp)) {
            return used;
        }
        stamp = lock.readLock();
        try {
            return ring.used();
        } finally {
            lock.unlockRead(stamp);
        }
    }

    @Override
    public long wasteBound() {
        ensureOpen();
        return 0;
    }

    @Override
    public String toString() {
        long stamp = lock.readLock();
        try {
            return "StampedLockArena[epoch=" + epoch + ", " + ring + "]";
        } finally {
            lock.unlockRead(stamp);
        }
    }
}
