package org.epocharena.locked;

import org.epocharena.ArenaLimits;
import org.epocharena.block.AbstractBlockArena;
import org.epocharena.ring.EpochRing;

/**
 * One {@link EpochRing} over the whole pool behind one intrinsic lock.
 *
 * <p>Placing is a few field updates under {@code synchronized}; {@code reclaim()} costs the pin scan
 * plus the epoch segments it frees, never the live blocks, because the shared block table frees by
 * raising one epoch bound. Contended callers queue on the monitor (which parks them without
 * allocating on the Java heap); the trade-off is that every allocation in the process serializes
 * on one lock, so throughput does not grow with threads.
 *
 * <p>{@link #epoch()} is read without the lock, but a reclaim publishes "in progress" before it scans
 * the pins (what the pin protocol needs) and the new epoch only after it has freed, and a reader
 * that sees "in progress" waits on the lock. So no caller can see the new epoch while the blocks it
 * frees still look live: the reclaim takes effect at one instant.
 */
public final class SynchronizedArena extends AbstractBlockArena {
    private final Object lock = new Object();
    private final EpochRing ring;
    /** The epoch shifted left by one; the low bit is set while a reclaim runs. Written under the lock. */
    private volatile long epochState = 1L << 1;

    public SynchronizedArena(int capacity) {
        super(capacity);
        this.ring = new EpochRing(capacity);
    }

    @Override
    protected long place(int size) {
        synchronized (lock) {
            long epoch = epochState >>> 1;   // the low bit is always clear under the lock
            int offset = ring.place(size, epoch);
            return offset < 0 ? OUT_OF_MEMORY : blocks.record(epoch, offset, size);
        }
    }

    @Override
    public long reclaim(long epochs) {
        ensureOpen();
        synchronized (lock) {
            long next = ArenaLimits.nextEpoch(epochState >>> 1, epochs, maxEpoch);
            // Announce before scanning: a thread pinning concurrently either is seen by the scan or
            // re-reads the epoch, sees the reclaim and re-pins at the new epoch.
            epochState = ((next - 1) << 1) | 1;
            long freeBelow = Math.min(next, pins.oldestPinnedEpochAfterAdvance(next));
            ring.freeBelow(freeBelow);
            blocks.freeBelow(freeBelow);
            epochState = next << 1;
            return next;
        }
    }

    @Override
    public long epoch() {
        ensureOpen();
        long state = epochState;
        if ((state & 1) == 0) {
            return state >>> 1;
        }
        synchronized (lock) {
            return epochState >>> 1;
        }
    }

    @Override
    public long usedBytes() {
        ensureOpen();
        synchronized (lock) {
            return ring.used();
        }
    }

    @Override
    public long wasteBound() {
        ensureOpen();
        return 0;
    }

    @Override
    public String toString() {
        synchronized (lock) {
            return "SynchronizedArena[epoch=" + (epochState >>> 1) + ", " + ring + "]";
        }
    }
}
