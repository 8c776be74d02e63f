package org.epocharena.striped;

import java.util.concurrent.locks.ReentrantLock;
import org.epocharena.ArenaLimits;
import org.epocharena.block.AbstractBlockArena;
import org.epocharena.ring.EpochRing;

/**
 * {@code S} stripes, each an {@link EpochRing} over its own slice of the one pool behind its own
 * lock, so threads that hash to different stripes never share a lock or a cache line on the
 * allocation path.
 *
 * <p><b>Contended path.</b> A thread prefers the stripe its id hashes to; if that lock is busy it
 * tries the following stripes with {@code tryLock} and only when all are busy blocks on its own.
 * If the stripe it locked cannot fit the block it tries the others one at a time (skipping, by an
 * unlocked hint, those that clearly cannot fit). Only when none fits does it fail, and to make the
 * failure linearizable it then takes every stripe lock in index order and retries each stripe:
 * {@code OUT_OF_MEMORY} is returned only for an instant at which no stripe could place the block.
 * {@code reclaim()} and {@code usedBytes()} also take every lock in index order, so {@code reclaim()}
 * costs O(S + segments freed) and is atomic; no path holds one stripe lock while waiting for
 * another, so the index order rules out deadlock.
 *
 * <p><b>Trade-off.</b> Allocation scales with threads, but reclaim, usedBytes and a true failure
 * touch all S locks, and the pool is cut into slices, so a block may fail to fit while the free
 * bytes are spread over stripes each too short for it. {@link #wasteBound()} is that loss from an
 * empty arena: 0 for one stripe, else the sum over stripes of {@code min(slice length, MAX_BLOCK - 1)}.
 * Proof: from empty each stripe is a bump allocator over its slice, so a block of {@code s} bytes
 * fails only if every stripe has fewer than {@code s} free bytes, i.e. at most
 * {@code min(length, s - 1)} each; so whenever the bytes allocated plus {@code s} are at most
 * {@code capacity} minus that sum, some stripe fits it. With the default slices of at least 64 KiB
 * this is {@code S * 1023}, under 1.6% of the capacity; the slices of at least 16 bytes that the
 * explicit constructor allows (for tests of many stripes on small pools) may waste far more.
 *
 * <p>Each stripe's lock and ring are allocated together, followed by the ring's segment arrays
 * (over 1 KiB), which spreads different stripes' hot words apart at allocation; the JVM may move
 * objects and offers no portable {@code @Contended}, so this is best effort. A thread that has to
 * park on a {@link ReentrantLock} gets a queue node from the JDK (a small heap allocation that the
 * uncontended and the {@code tryLock} paths never make).
 */
public final class StripedArena extends AbstractBlockArena {
    /** Below two slices of this size the arena has one stripe. */
    public static final int MIN_SLICE = 64 * 1024;
    public static final int MAX_STRIPES = 64;

    private final Stripe[] stripes;
    private final int mask;
    private final long wasteBound;
    /** The epoch shifted left by one; the low bit is set while a reclaim runs. Written under every lock. */
    private volatile long epochState = 1L << 1;

    public StripedArena(int capacity) {
        this(capacity, defaultStripes(ArenaLimits.checkCapacity(capacity)));
    }

    /**
     * @param stripes a power of two from 1 to {@value #MAX_STRIPES}, with slices of at least
     *                {@code MIN_BLOCK} bytes
     */
    public StripedArena(int capacity, int stripes) {
        super(capacity);
        if (stripes < 1 || stripes > MAX_STRIPES || Integer.bitCount(stripes) != 1) {
            throw new IllegalArgumentException("stripes must be a power of two between 1 and " + MAX_STRIPES
                    + ", was " + stripes);
        }
        if (capacity / stripes < MIN_BLOCK) {
            throw new IllegalArgumentException("capacity " + capacity + " is too small for " + stripes
                    + " stripes: each slice needs at least " + MIN_BLOCK + " bytes");
        }
        this.stripes = new Stripe[stripes];
        this.mask = stripes - 1;
        int slice = capacity / stripes;
        long waste = 0;
        for (int i = 0; i < stripes; i++) {
            int base = i * slice;
            int length = i == stripes - 1 ? capacity - base : slice;
            this.stripes[i] = new Stripe(base, length);
            waste += Math.min(length, MAX_BLOCK - 1);
        }
        this.wasteBound = stripes == 1 ? 0 : waste;
    }

    /** min(capacity / 64 KiB, nextPowerOfTwo(4 * processors), 64), rounded down to a power of two; 1 below 128 KiB. */
    static int defaultStripes(int capacity) {
        int byCapacity = capacity / MIN_SLICE;
        int processors = Runtime.getRuntime().availableProcessors();
        int byProcessors = Integer.highestOneBit(Math.max(1, 4 * processors - 1)) << 1;
        int stripes = Math.min(byCapacity, Math.min(byProcessors, MAX_STRIPES));
        return stripes < 2 ? 1 : Integer.highestOneBit(stripes);
    }

    public int stripes() {
        return stripes.length;
    }

    @Override
    protected long place(int size) {
        int home = home();
        int at = home;
        Stripe stripe = null;
        for (int i = 0; i < stripes.length; i++) {
            Stripe candidate = stripes[(home + i) & mask];
            if (candidate.lock.tryLock()) {
                stripe = candidate;
                at = (home + i) & mask;
                break;
            }
        }
        if (stripe == null) {
            stripe = stripes[home];
            stripe.lock.lock();
        }
        long handle;
        try {
            handle = placeIn(stripe, size);
        } finally {
            stripe.lock.unlock();
        }
        if (handle != OUT_OF_MEMORY || stripes.length == 1) {
            return handle;   // with one stripe that failure already happened under the only lock
        }
        return placeElsewhere(at, size);
    }

    private long placeElsewhere(int tried, int size) {
        for (int i = 1; i < stripes.length; i++) {
            Stripe stripe = stripes[(tried + i) & mask];
            if (!stripe.ring.fits(size)) {
                continue;   // an unlocked hint only: the all-locks retry below settles it
            }
            long handle;
            stripe.lock.lock();
            try {
                handle = placeIn(stripe, size);
            } finally {
                stripe.lock.unlock();
            }
            if (handle != OUT_OF_MEMORY) {
                return handle;
            }
        }
        lockAll();
        try {
            for (Stripe stripe : stripes) {
                long handle = placeIn(stripe, size);
                if (handle != OUT_OF_MEMORY) {
                    return handle;
                }
            }
            return OUT_OF_MEMORY;
        } finally {
            unlockAll();
        }
    }

    /** Under {@code stripe}'s lock, so the epoch cannot change (a reclaim holds every lock). */
    private long placeIn(Stripe stripe, int size) {
        long epoch = epochState >>> 1;
        int offset = stripe.ring.place(size, epoch);
        return offset < 0 ? OUT_OF_MEMORY : blocks.record(epoch, stripe.base + offset, size);
    }

    @Override
    public long reclaim(long epochs) {
        ensureOpen();
        lockAll();
        try {
            long next = ArenaLimits.nextEpoch(epochState >>> 1, epochs, maxEpoch);
            // Announce before scanning; see SynchronizedArena: pins either are seen or re-pin later.
            epochState = ((next - 1) << 1) | 1;
            long freeBelow = Math.min(next, pins.oldestPinnedEpochAfterAdvance(next));
            for (Stripe stripe : stripes) {
                stripe.ring.freeBelow(freeBelow);
            }
            blocks.freeBelow(freeBelow);
            epochState = next << 1;
            return next;
        } finally {
            unlockAll();
        }
    }

    @Override
    public long epoch() {
        ensureOpen();
        long state = epochState;
        if ((state & 1) == 0) {
            return state >>> 1;
        }
        // A reclaim is running and holds every lock: wait for it on one of them.
        ReentrantLock lock = stripes[home()].lock;
        lock.lock();
        try {
            return epochState >>> 1;
        } finally {
            lock.unlock();
        }
    }

    @Override
    public long usedBytes() {
        ensureOpen();
        lockAll();
        try {
            long used = 0;
            for (Stripe stripe : stripes) {
                used += stripe.ring.used();
            }
            return used;
        } finally {
            unlockAll();
        }
    }

    @Override
    public long wasteBound() {
        ensureOpen();
        return wasteBound;
    }

    @Override
    public String toString() {
        return "StripedArena[stripes=" + stripes.length + ", epoch=" + (epochState >>> 1) + "]";
    }

    private int home() {
        // Fibonacci hashing: consecutive thread ids land on different stripes.
        long id = Thread.currentThread().getId();
        return (int) ((id * 0x9E37_79B9_7F4A_7C15L) >>> 32) & mask;
    }

    private void lockAll() {
        for (Stripe stripe : stripes) {
            stripe.lock.lock();
        }
    }

    private void unlockAll() {
        for (int i = stripes.length - 1; i >= 0; i--) {
            stripes[i].lock.unlock();
        }
    }

    private static final class Stripe {
        final ReentrantLock lock = new ReentrantLock();
        final EpochRing ring;
        final int base;

        Stripe(int base, int length) {
            this.base = base;
            this.ring = new EpochRing(length);
        }
    }
}
