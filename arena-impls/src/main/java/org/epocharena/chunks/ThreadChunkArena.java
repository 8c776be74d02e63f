package org.epocharena.chunks;

import java.lang.ref.WeakReference;
import org.epocharena.ArenaLimits;
import org.epocharena.block.AbstractBlockArena;

/**
 * Per-thread chunks: the pool is cut into fixed chunks, a thread claims one chunk at a time for the
 * current epoch and bump-allocates inside it with no lock, no compare-and-set and no shared write but
 * the block's own record.
 *
 * <p><b>Fast path.</b> A {@link ThreadLocal} lookup of the thread's {@link Cursor}, one volatile read
 * of the epoch, a bounds check, a plain bump of the thread's own {@code top} and the block's record
 * in the {@link org.epocharena.block.BlockTable} (a plain store into a granule of the thread's own
 * chunk). A block is tagged with the epoch its thread read; if a reclaim ends that epoch meanwhile,
 * the block is born dead: its allocation took effect just before the reclaim, which frees it.
 *
 * <p><b>Chunks.</b> A chunk is tagged with the epoch it was claimed in and used only in that epoch,
 * so it is freed with its epoch, like the blocks in it: freeing is the block table's one bound, and a
 * reclaim never walks chunks. A chunk is reused only once its owner has let go of it, because only
 * the owner knows it is not in the middle of writing a record there: the owner lets go when it claims
 * its next chunk, and a thread that ended lets go by ending ({@link Thread#isAlive()}, checked when a
 * claim finds no free chunk). A chunk of an epoch a pin holds stays until a reclaim after the pin frees
 * it. Claiming, letting go and the shared chunk below are done under one lock ({@code pool}): a
 * thread with its own chunk takes it once per chunk, never per block; claiming is not lock-free.
 *
 * <p><b>Budget, and the shared chunk.</b> A thread that sits idle keeps its chunk, freed or not, until
 * it allocates again or ends, so at most {@code budget} threads may hold chunks at once; every other
 * allocation (a thread without a budget unit, or a block that finds no chunk) goes to one shared chunk
 * bumped under the lock. Small pools (below 2 KiB) have a single chunk and no thread chunks: the shared
 * chunk is then the whole pool and placement from empty is exact.
 *
 * <p><b>How full it gets.</b> From empty, a block of {@code s} bytes fails only when every chunk is
 * claimed: each retired chunk left a tail shorter than the block that did not fit, the last one
 * failed, and threads with a budget unit may hold up to a chunk each that nobody else can use. So
 * {@link #wasteBound()} is {@code (chunks - 1) * (MAX_BLOCK - 1) + budget * chunkSize}, 0 for a single
 * chunk; the defaults (chunks of capacity / 16 rounded down to a power of two between 1 KiB and
 * 16 KiB, and held chunks worth at most a sixteenth of the pool) keep it at most an eighth of the
 * capacity from 256 KiB up, where the chunks are 16 KiB. {@link #usedBytes()} counts whole chunks that hold blocks
 * of epochs not yet freed (a chunk's unused end is not available to others), not block bytes.
 *
 * <p><b>Trade-offs, from measurements.</b> Chunks of 16 KiB are 256 blocks of 64 bytes between two
 * lock acquisitions, which makes the lock invisible at 1 and 2 threads; larger chunks cost more held
 * waste per thread for nothing, smaller ones more tail waste (up to 1023 bytes per chunk) and more
 * claims. Fixed chunks freed by epoch need no free list and no ring: a claim scans from a rotating
 * index for a chunk whose epoch is freed and that nobody holds. Out of memory and heavy claiming
 * serialize on the lock, and past {@code budget} threads the allocations share one chunk under it.
 */
public final class ThreadChunkArena extends AbstractBlockArena {
    /** The default chunk size for pools of 256 KiB and more. */
    public static final int MAX_CHUNK = 16 * 1024;

    private final int chunkSize;
    private final int chunkCount;
    private final int budget;
    private final long wasteBound;
    /** Per chunk: the epoch it was last claimed in, 0 before its first claim. Under {@code pool}. */
    private final long[] claimedIn;
    /** Per chunk: the cursor that holds it, or null once let go. Under {@code pool}. */
    private final Cursor[] holder;
    private final ThreadLocal<Cursor> cursors = new ThreadLocal<>();
    /** Guards every chunk's claim and release, the budget and the shared cursor. */
    private final Object pool = new Object();
    private final Cursor shared = new Cursor(null);
    private final Object reclaimLock = new Object();
    private int budgetUsed;
    private int nextChunk;
    /** The epoch shifted left by one; the low bit is set while a reclaim runs. Written under reclaimLock. */
    private volatile long epochState = 1L << 1;

    public ThreadChunkArena(int capacity) {
        this(capacity, defaultChunks(ArenaLimits.checkCapacity(capacity)), true);
    }

    /**
     * @param chunks how many chunks to cut the pool into, from 1 to {@code capacity / 16}; with more
     *               than one, threads may hold half of them (rounded down) at once, or a sixteenth
     *               of the pool's bytes if that is more
     */
    public ThreadChunkArena(int capacity, int chunks) {
        this(capacity, chunks, false);
    }

    private ThreadChunkArena(int capacity, int chunks, boolean defaults) {
        super(capacity);
        if (chunks < 1 || chunks > capacity / MIN_BLOCK) {
            throw new IllegalArgumentException("chunks must be between 1 and " + capacity / MIN_BLOCK
                    + " (capacity / " + MIN_BLOCK + ") for capacity " + capacity + ", was " + chunks);
        }
        this.chunkCount = chunks;
        this.chunkSize = capacity / chunks;
        int bySixteenth = capacity / 16 / chunkSize;
        this.budget = chunks == 1 ? 0 : defaults ? bySixteenth : Math.max(bySixteenth, chunks / 2);
        this.claimedIn = new long[chunks];
        this.holder = new Cursor[chunks];
        if (chunks == 1) {
            this.wasteBound = 0;
        } else if (chunkSize < MAX_BLOCK) {
            this.wasteBound = capacity;   // a block larger than a chunk never fits: no promise at all
        } else {
            this.wasteBound = (chunks - 1L) * (MAX_BLOCK - 1) + (long) budget * chunkSize;
        }
    }

    /** One chunk below 2 KiB; otherwise chunks of capacity / 16 rounded down to a power of two, 1 KiB to 16 KiB. */
    static int defaultChunks(int capacity) {
        if (capacity < 2 * MAX_BLOCK) {
            return 1;
        }
        int size = Math.max(MAX_BLOCK, Math.min(MAX_CHUNK, Integer.highestOneBit(capacity / 16)));
        return capacity / size;
    }

    public int chunkSize() {
        return chunkSize;
    }

    public int chunks() {
        return chunkCount;
    }

    /** How many threads may hold a chunk at once. */
    public int budget() {
        return budget;
    }

    @Override
    protected long place(int size) {
        Cursor cursor = cursors.get();
        if (cursor != null) {
            long state = epochState;
            int top = cursor.top;
            if (cursor.claimedState == state && size <= cursor.end - top) {
                cursor.top = top + size;
                return blocks.record(state >>> 1, top, size);
            }
        }
        return placeSlow(cursor, size);
    }

    /**
     * Everything but the fast path: a first cursor for the thread, waiting out a reclaim, and under
     * {@code pool} a new chunk for the thread (if it has or gets a budget unit) or else the shared
     * chunk, claiming a chunk whose epoch is freed and that nobody alive holds.
     *
     * <p>Deliberately one long method: HotSpot's C2 does not inline a hot method of more than
     * {@code FreqInlineSize} (325) bytes of bytecode, and when it inlined the slow path into
     * {@link #place} (split into small methods it did), {@code place} grew too big to be inlined into
     * its callers and {@code tryAllocate(64)} went from about 5 to 8 ns (JDK 17, one thread).
     */
    private long placeSlow(Cursor cursor, int size) {
        if (cursor == null) {
            cursor = new Cursor(new WeakReference<>(Thread.currentThread()));
            cursors.set(cursor);
        }
        long state = awaitEpoch();
        if (cursor.claimedState == state && size <= cursor.end - cursor.top) {
            return bump(cursor, size, state);   // a reclaim ended while we read the epoch
        }
        synchronized (pool) {
            boolean own = budget > 0 && (cursor.budgeted || takeBudget(cursor));
            Cursor target = own ? cursor : shared;
            while (true) {
                if (target == shared && shared.claimedState == state && size <= shared.end - shared.top) {
                    return bump(shared, size, state);
                }
                // Claim a chunk whose epoch is freed and that nobody alive holds; only then let go of the
                // target's chunk, so that a failed claim keeps its tail usable.
                long freedBelow = blocks.freedBelow();
                int claimed = -1;
                for (int i = 0; i < chunkCount && claimed < 0; i++) {
                    int chunk = nextChunk;
                    nextChunk = chunk + 1 == chunkCount ? 0 : chunk + 1;
                    if (claimedIn[chunk] >= freedBelow) {
                        continue;   // holds blocks of an epoch not yet freed (or is claimed in this one)
                    }
                    Cursor owner = holder[chunk];
                    if (owner == shared && target != shared) {
                        // The shared chunk is written under this lock only, so nothing is in flight there.
                        shared.chunk = -1;
                        shared.claimedState = 0;
                    } else if (owner != null && owner != target) {
                        if (!owner.isDead()) {
                            continue;   // its owner may still be writing a record there
                        }
                        if (owner.budgeted) {
                            owner.budgeted = false;
                            budgetUsed--;
                        }
                    }
                    claimedIn[chunk] = state >>> 1;
                    claimed = chunk;
                }
                if (claimed >= 0) {
                    if (target.chunk >= 0 && target.chunk != claimed) {
                        holder[target.chunk] = null;
                    }
                    holder[claimed] = target;
                    target.chunk = claimed;
                    target.claimedState = state;
                    target.top = claimed * chunkSize;
                    target.end = claimed == chunkCount - 1 ? blocks.capacity() : target.top + chunkSize;
                    if (size <= target.end - target.top) {
                        return bump(target, size, state);
                    }
                    // Only with explicit chunks smaller than a block: fall through as if none was free.
                }
                if (target == shared) {
                    return OUT_OF_MEMORY;
                }
                if (cursor.chunk < 0) {
                    giveBackBudget(cursor);
                }
                target = shared;
            }
        }
    }

    private long bump(Cursor cursor, int size, long state) {
        int top = cursor.top;
        cursor.top = top + size;
        return blocks.record(state >>> 1, top, size);
    }

    /** The current epoch state, waiting out a reclaim that is running. */
    private long awaitEpoch() {
        long state = epochState;
        while ((state & 1) != 0) {
            synchronized (reclaimLock) {
                state = epochState;
            }
        }
        return state;
    }

    /** Under {@code pool}. */
    private boolean takeBudget(Cursor cursor) {
        if (budgetUsed == budget) {
            // Units of threads that ended come back here; such a thread is gone and writes nothing.
            for (int i = 0; i < chunkCount && budgetUsed == budget; i++) {
                Cursor owner = holder[i];
                if (owner != null && owner.budgeted && owner.isDead()) {
                    owner.budgeted = false;
                    budgetUsed--;
                }
            }
            if (budgetUsed == budget) {
                return false;
            }
        }
        cursor.budgeted = true;
        budgetUsed++;
        return true;
    }

    /** Under {@code pool}. */
    private void giveBackBudget(Cursor cursor) {
        cursor.budgeted = false;
        budgetUsed--;
    }

    @Override
    public long reclaim(long epochs) {
        ensureOpen();
        synchronized (reclaimLock) {
            long current = epochState >>> 1;
            long next = ArenaLimits.nextEpoch(current, epochs);
            // Announce before scanning the pins; see SynchronizedArena. A fast path that reads the
            // odd state takes the slow path and waits, so nobody tags a block while we decide.
            epochState = (current << 1) | 1;
            blocks.freeBelow(Math.min(next, pins.oldestPinnedEpoch()));
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
        synchronized (reclaimLock) {
            return epochState >>> 1;
        }
    }

    /** The bytes of every chunk claimed in an epoch that is not yet freed, whether its blocks fill it or not. */
    @Override
    public long usedBytes() {
        ensureOpen();
        synchronized (pool) {
            long freedBelow = blocks.freedBelow();
            long used = 0;
            for (int chunk = 0; chunk < chunkCount; chunk++) {
                if (claimedIn[chunk] >= freedBelow) {
                    used += chunk == chunkCount - 1 ? blocks.capacity() - (long) chunk * chunkSize : chunkSize;
                }
            }
            return used;
        }
    }

    @Override
    public long wasteBound() {
        ensureOpen();
        return wasteBound;
    }

    @Override
    public String toString() {
        return "ThreadChunkArena[chunks=" + chunkCount + " of " + chunkSize + " bytes, budget=" + budget
                + ", epoch=" + (epochState >>> 1) + "]";
    }

    /** Where one thread (or the shared chunk) bumps: written only by its thread, or under {@code pool}. */
    private static final class Cursor {
        /** The owning thread, or null for the shared cursor, which never ends. */
        final WeakReference<Thread> thread;
        /** The epoch state its chunk was claimed in; 0 while it holds none. */
        long claimedState;
        int top;
        int end;
        int chunk = -1;
        /** Whether it holds one of the budget's units; under {@code pool}. */
        boolean budgeted;

        Cursor(WeakReference<Thread> thread) {
            this.thread = thread;
        }

        boolean isDead() {
            if (thread == null) {
                return false;
            }
            Thread owner = thread.get();
            return owner == null || !owner.isAlive();
        }
    }
}
