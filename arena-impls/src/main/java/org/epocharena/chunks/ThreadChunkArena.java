package org.epocharena.chunks;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.lang.ref.WeakReference;
import org.epocharena.ArenaLimits;
import org.epocharena.block.AbstractBlockArena;

/**
 * Per-thread chunks: the pool is cut into fixed chunks ({@link ChunkTable}); a thread claims one with
 * a single compare-and-set and bump-allocates inside it with no lock, no compare-and-set and no shared
 * write but the block's own record. Nothing in this design takes a lock, reclaims included
 * ({@link EpochClock}).
 *
 * <p><b>Fast path.</b> A {@link ThreadLocal} lookup of the thread's {@link Cursor}, one volatile read
 * of the epoch, a bounds check, a plain bump of the thread's own {@code top} and a plain store of the
 * block's record into a granule of the thread's own chunk. A block is tagged with the epoch its thread
 * read; if a reclaim ends that epoch meanwhile, the block is born dead: its allocation took effect at
 * the read, before the reclaim.
 *
 * <p><b>Chunks live across epochs.</b> A chunk's tag is the latest epoch of a block in it; a thread
 * raises its chunk's tag once per epoch it places blocks in, not per block, and keeps bumping where it
 * was. When every block in its chunk is freed (the tag is below the freed bound) it starts again from
 * the chunk's start, without claiming. A full chunk is let go and waits for its epochs to be freed
 * before anyone claims it. A chunk is taken from its holder only when the holder's thread has ended:
 * only the owner knows it is not between reading the epoch and writing a record there.
 *
 * <p><b>Budget and lanes.</b> A thread that goes idle keeps its chunk, so at most {@link #budget()}
 * threads hold chunks at once. A thread that ended gives its unit and chunk back as soon as a newcomer
 * finds the budget spent (it looks at every holder once), or a thread on a lane looks at its holder
 * (one holder every 64 lane blocks); per-thread state never refers back to the arena, so an arena
 * dropped by a thread that lives on is collected. Every other thread (and a thread whose chunk is full when no chunk is
 * free) allocates from a few shared lanes ({@link Lane}): a chunk bumped by compare-and-set, its records
 * written so that a late writer can never hide a newer block. Pools below 2 KiB have one chunk and no
 * thread chunks; their one lane places exactly like a ring from empty.
 *
 * <p><b>How full it gets.</b> From empty, a block of {@code s} bytes fails only when no chunk can be
 * claimed: each let-go chunk left a tail shorter than the block that did not fit, and the threads and
 * lanes hold at most a chunk each that others cannot use. So {@link #wasteBound()} is
 * {@code (chunks - 1) * (MAX_BLOCK - 1) + (budget + lanes) * chunkSize}, 0 for a single chunk; the
 * defaults (chunks of capacity / 16 rounded down to a power of two between 1 KiB and 16 KiB, holders
 * worth a sixteenth of the pool) keep it at most an eighth of the capacity from 256 KiB up, where the
 * chunks are 16 KiB. {@link #usedBytes()} counts chunks holding blocks of epochs not yet freed: a held
 * chunk up to its holder's bump position, a let-go one whole.
 *
 * <p><b>Trade-offs</b> (the measurements behind them are in docs/designs.md). Chunks of 16 KiB are
 * about 80 blocks of the mixed sizes between two claims; smaller chunks waste more tails (up to 1023
 * bytes each) and bigger ones hold more per idle thread. A thread claims the chunks it let go of
 * first, oldest first: they are still in its caches, where a claim anywhere in the pool walks cold
 * memory. Letting go of a full chunk writes nothing shared, so threads that allocate between claims
 * share no cache line and scale with the cores. Past the budget, threads pay one compare-and-set per
 * block on a lane, which keeps a thousand threads on a sixteenth of the pool instead of a chunk each.
 */
public final class ThreadChunkArena extends AbstractBlockArena {
    /** The default chunk size for pools of 256 KiB and more. */
    public static final int MAX_CHUNK = 16 * 1024;
    private static final int MAX_LANES = 4;
    /** A thread on a lane looks at one holder's thread every this many blocks (a power of two). */
    private static final int SWEEP_EVERY_MASK = 63;
    private static final VarHandle HOLDING;
    private static final VarHandle UNIT_RETURNED;
    private static final VarHandle LANE_WORD;
    private static final VarHandle UNITS = MethodHandles.arrayElementVarHandle(Cursor[].class);

    static {
        try {
            MethodHandles.Lookup lookup = MethodHandles.lookup();
            HOLDING = lookup.findVarHandle(ThreadChunkArena.class, "holding", int.class);
            UNIT_RETURNED = lookup.findVarHandle(Cursor.class, "unitReturned", boolean.class);
            LANE_WORD = lookup.findVarHandle(Lane.class, "word", long.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final ChunkTable chunks;
    private final EpochClock clock;
    private final int budget;
    private final Lane[] lanes;
    /** How a lane's word packs {@code (version, chunk + 1, offset)}: see {@link Lane}. */
    private final int offsetBits;
    private final long offsetMask;
    private final long chunkMask;
    private final int versionShift;
    private final long wasteBound;
    private final ThreadLocal<Cursor> cursors = new ThreadLocal<>();
    /** Made once: a method reference made per claim would be a heap allocation on the allocation path. */
    private final ChunkTable.TakenBack takenBack = this::takenBack;
    /** Threads holding a chunk (or whose ended holder was not yet found): at most {@link #budget}. */
    private volatile int holding;
    /**
     * Who holds each of the budget's units, so that units and chunks of threads that ended come back
     * without waiting for a chunk scan to pass them: a new thread that finds the budget spent looks
     * at all of them, and a thread on a lane looks at one every {@code SWEEP_EVERY_MASK + 1} blocks.
     */
    private final Cursor[] units;
    /** Where the next one-holder look starts; a racy hint. */
    private int sweepFrom;

    public ThreadChunkArena(int capacity) {
        this(capacity, defaultChunks(ArenaLimits.checkCapacity(capacity)), true);
    }

    /**
     * @param chunks how many chunks to cut the pool into, from 1 to {@code capacity / 16}; with more
     *               than one, threads and lanes may hold half of them (rounded down) at once, or a
     *               sixteenth of the pool's bytes if that is more
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
        this.chunks = new ChunkTable(blocks, chunks);
        this.clock = new EpochClock(blocks, pins::oldestPinnedEpochAfterAdvance, maxEpoch);
        int chunkSize = this.chunks.size();
        int bySixteenth = capacity / 16 / chunkSize;
        int holders = chunks == 1 ? 1 : Math.max(1, defaults ? bySixteenth : Math.max(bySixteenth, chunks / 2));
        int laneCount = Math.max(1, Math.min(MAX_LANES, holders / 8));
        this.budget = chunks == 1 ? 0 : Math.max(0, holders - laneCount);
        this.units = new Cursor[budget];
        int largestChunk = this.chunks.end(chunks - 1) - this.chunks.start(chunks - 1);
        this.offsetBits = 32 - Integer.numberOfLeadingZeros(largestChunk);
        this.offsetMask = (1L << offsetBits) - 1;
        int chunkBits = 32 - Integer.numberOfLeadingZeros(chunks);
        this.chunkMask = (1L << chunkBits) - 1;
        this.versionShift = offsetBits + chunkBits;
        this.lanes = new Lane[laneCount];
        for (int i = 0; i < laneCount; i++) {
            lanes[i] = new Lane();
        }
        if (chunks == 1) {
            this.wasteBound = 0;
        } else if (chunkSize < MAX_BLOCK) {
            this.wasteBound = capacity;   // a block larger than a chunk never fits: no promise at all
        } else {
            this.wasteBound = (chunks - 1L) * (MAX_BLOCK - 1) + (long) (budget + laneCount) * chunkSize;
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
        return chunks.size();
    }

    public int chunks() {
        return chunks.count();
    }

    /** How many threads may hold a chunk at once. */
    public int budget() {
        return budget;
    }

    /** How many shared lanes serve the threads past the budget. */
    public int lanes() {
        return lanes.length;
    }

    /** How many of the budget's units are taken now (by threads, or not yet found to have ended). */
    public int heldUnits() {
        return holding;
    }

    /** Whether the calling thread bumps in a chunk of its own (not in a shared lane). */
    public boolean holdsAChunkHere() {
        Cursor cursor = cursors.get();
        return cursor != null && cursor.chunk >= 0;
    }

    @Override
    protected long place(int size) {
        Cursor cursor = cursors.get();
        if (cursor != null) {
            long state = clock.state();
            int top = cursor.top;
            if (cursor.state == state && size <= cursor.end - top) {
                cursor.top = top + size;
                return blocks.record(state >>> 1, top, size);
            }
        }
        return placeSlow(cursor, size);
    }

    /**
     * Everything but the fast path: a first cursor, a change of epoch (finishing one under way), a
     * chunk that is full, and the threads past the budget. Kept out of {@link #place} so that the
     * fast path stays small enough for the JIT to inline into its callers.
     */
    private long placeSlow(Cursor cursor, int size) {
        if (cursor == null) {
            Thread me = Thread.currentThread();
            cursor = new Cursor(me, laneOf(me));
            cursor.scanFrom = spread(me, chunks.count());
            cursors.set(cursor);
            if (!takeUnit(cursor) && sweepEnded(units.length) > 0) {
                takeUnit(cursor);   // a thread that ended gave its unit back
            }
        }
        long state = clock.settledState();
        long epoch = state >>> 1;
        if (cursor.chunk < 0 && !cursor.holdsUnit() && !takeUnit(cursor)) {
            if ((++cursor.laneBlocks & SWEEP_EVERY_MASK) == 0) {
                sweepEnded(1);
            }
            return lanes[cursor.lane].place(epoch, size);
        }
        long freedBelow = blocks.freedBelow();
        if (cursor.chunk >= 0) {
            if (chunks.tag(cursor.chunk) < freedBelow) {
                cursor.top = chunks.start(cursor.chunk);   // every block in it is dead: start again
            }
            if (size <= cursor.end - cursor.top) {
                return placeInOwnChunk(cursor, state, size);
            }
        }
        int claimed = cursor.reclaimRecent(chunks, freedBelow);
        if (claimed < 0) {
            claimed = chunks.claim(cursor, freedBelow, takenBack);
        }
        if (claimed >= 0 && size > chunks.end(claimed) - chunks.start(claimed)) {
            chunks.release(claimed, cursor);   // explicit chunks smaller than a block
            claimed = -1;
        }
        if (claimed < 0) {
            if (cursor.chunk < 0) {
                returnUnit(cursor);
            }
            return lanes[cursor.lane].place(epoch, size);
        }
        int previous = cursor.chunk;
        cursor.chunk = claimed;
        cursor.top = chunks.start(claimed);
        cursor.end = chunks.end(claimed);
        cursor.state = 0;   // raise the new chunk's tag before the first block
        if (previous >= 0) {
            chunks.release(previous, cursor);
            cursor.remember(previous);
        }
        return placeInOwnChunk(cursor, state, size);
    }

    private long placeInOwnChunk(Cursor cursor, long state, int size) {
        if (cursor.state != state) {
            chunks.raiseTag(cursor.chunk, state >>> 1);
            cursor.state = state;
        }
        int top = cursor.top;
        cursor.top = top + size;
        return blocks.record(state >>> 1, top, size);
    }

    private int laneOf(Thread thread) {
        return spread(thread, lanes.length);
    }

    /** A thread's place among {@code n}, spread so that threads created one after another land apart. */
    private static int spread(Thread thread, int n) {
        long id = thread == null ? 0 : thread.getId();
        return (int) (((id * 0x9E37_79B9_7F4A_7C15L) >>> 33) % n);
    }

    /** Takes one of the budget's units for a thread that holds no chunk, and names it as the unit's holder. */
    private boolean takeUnit(Cursor cursor) {
        int held;
        while ((held = holding) < budget) {
            if (HOLDING.compareAndSet(this, held, held + 1)) {
                // A unit is returned only after its entry is cleared, so a free entry exists for each unit taken.
                for (int i = spread(cursor.thread.get(), units.length); ; i = i + 1 == units.length ? 0 : i + 1) {
                    if (UNITS.getVolatile(units, i) == null && UNITS.compareAndSet(units, i, null, cursor)) {
                        cursor.unitSlot = i;
                        cursor.unitReturned = false;
                        return true;
                    }
                }
            }
        }
        return false;
    }

    private void returnUnit(Cursor cursor) {
        if (UNIT_RETURNED.compareAndSet(cursor, false, true)) {
            UNITS.compareAndSet(units, cursor.unitSlot, cursor, null);
            HOLDING.getAndAdd(this, -1);
        }
    }

    /** A chunk was taken back from a holder that ended: its thread's unit comes back once. */
    private void takenBack(ChunkTable.Holder holder) {
        if (holder instanceof Cursor) {
            returnUnit((Cursor) holder);
        }
    }

    /**
     * Looks at {@code count} of the budget's holders and, for each whose thread ended, lets its chunk
     * go (claimable at once if its blocks are dead) and returns its unit; returns how many it found.
     */
    private int sweepEnded(int count) {
        int found = 0;
        int from = sweepFrom;
        int n = Math.min(count, units.length);
        for (int k = 0; k < n; k++) {
            int i = (from + k) % units.length;
            Cursor holder = (Cursor) UNITS.getVolatile(units, i);
            if (holder != null && holder.isDead()) {
                // isAlive() said it ended, so its last writes (its chunk among them) are visible here.
                int chunk = holder.chunk;
                if (chunk >= 0) {
                    chunks.release(chunk, holder);
                }
                returnUnit(holder);
                found++;
            }
        }
        if (units.length > 0) {
            sweepFrom = (from + n) % units.length;
        }
        return found;
    }

    @Override
    public long reclaim(long epochs) {
        ensureOpen();
        return clock.advance(epochs);
    }

    @Override
    public long epoch() {
        ensureOpen();
        return clock.epoch();
    }

    @Override
    public long usedBytes() {
        ensureOpen();
        clock.settledState();
        return chunks.usedBytes(blocks.freedBelow());
    }

    @Override
    public long wasteBound() {
        ensureOpen();
        return wasteBound;
    }

    @Override
    public String toString() {
        return "ThreadChunkArena[chunks=" + chunks.count() + " of " + chunks.size() + " bytes, budget=" + budget
                + ", lanes=" + lanes.length + ", epoch=" + (clock.state() >>> 1) + "]";
    }

    /** Where one thread bumps: written only by its thread. */
    private static final class Cursor extends ChunkTable.Holder {
        final WeakReference<Thread> thread;
        /** The lane it uses past the budget, by index: nothing per thread may lead back to the arena. */
        final int lane;
        /** The epoch state its chunk's tag was last raised for; 0 while it holds none. */
        long state;
        int top;
        int end;
        int chunk = -1;
        /** Blocks placed on a lane, which paces its looks for holders that ended. */
        int laneBlocks;
        /** Its entry in the arena's unit holders while it holds a unit. */
        int unitSlot = -1;
        /** Whether its budget unit was given back (by itself, or by whoever took back its chunk). */
        volatile boolean unitReturned = true;
        /** The chunks it let go of last, oldest first (-1: none), tried before any other chunk. */
        private final int[] recent = newRecent();

        Cursor(Thread thread, int lane) {
            this.thread = new WeakReference<>(thread);
            this.lane = lane;
        }

        boolean holdsUnit() {
            return !unitReturned;
        }

        /** 16: one epoch of the allocation harness (256 KiB of 64-byte blocks) is 16 chunks of 16 KiB. */
        private static int[] newRecent() {
            int[] recent = new int[16];
            java.util.Arrays.fill(recent, -1);
            return recent;
        }

        void remember(int chunk) {
            System.arraycopy(recent, 1, recent, 0, recent.length - 1);
            recent[recent.length - 1] = chunk;
        }

        /** Claims again the oldest chunk it let go of whose blocks are all dead, or returns -1. */
        int reclaimRecent(ChunkTable chunks, long freedBelow) {
            for (int i = 0; i < recent.length; i++) {
                int chunk = recent[i];
                if (chunk >= 0 && chunks.claimThis(chunk, this, freedBelow)) {
                    recent[i] = -1;
                    return chunk;
                }
            }
            return -1;
        }

        @Override
        boolean isDead() {
            Thread owner = thread.get();
            return owner == null || !owner.isAlive();
        }

        @Override
        int top(int chunk, int end) {
            return this.chunk == chunk ? top : end;
        }
    }

    /**
     * A chunk shared by the threads past the budget, bumped by compare-and-set on one word
     * {@code (version, chunk + 1, offset in the chunk)}. A lane's block is tagged with the epoch read
     * before the bump, like a thread's, so it may be born dead; its record is written with
     * {@code recordLatest}, because a writer preempted after its bump may write after the chunk was
     * freed and claimed again.
     *
     * <p>Why a version: a bumper that read the word, found every block of its chunk dead and was then
     * preempted must not start the chunk over on the strength of that old reading if the lane has since
     * started over and placed live blocks up to the same offset. Every start-over and every change of
     * chunk takes a new version, and between two of them the offset only grows, so a word never comes
     * back (short of 2^30 start-overs while one thread waits between a read and its compare-and-set).
     */
    private final class Lane extends ChunkTable.Holder {
        private volatile long word;

        long place(long epoch, int size) {
            while (true) {
                long current = word;
                int chunk = chunkOf(current);
                long version = current >>> versionShift;
                if (chunk >= 0) {
                    int start = chunks.start(chunk);
                    int top = start + (int) (current & offsetMask);
                    if (chunks.tag(chunk) < blocks.freedBelow()) {
                        top = start;   // every block in it is dead: start again
                        version++;
                    }
                    if (size <= chunks.end(chunk) - top) {
                        chunks.raiseTag(chunk, epoch);
                        if (LANE_WORD.compareAndSet(this, current, pack(version, chunk, top + size - start))) {
                            return blocks.recordLatest(epoch, top, size);
                        }
                        continue;
                    }
                }
                int claimed = chunks.claim(this, blocks.freedBelow(), takenBack);
                if (claimed < 0) {
                    if (word != current) {
                        continue;   // another thread moved the lane on meanwhile: try its chunk
                    }
                    return OUT_OF_MEMORY;
                }
                int start = chunks.start(claimed);
                if (size > chunks.end(claimed) - start) {
                    chunks.release(claimed, this);   // only with explicit chunks smaller than a block
                    return OUT_OF_MEMORY;
                }
                long tagBefore = chunks.tag(claimed);
                // Before the chunk is in the word: a bumper that finds the tag below the freed bound starts over.
                chunks.raiseTag(claimed, epoch);
                if (LANE_WORD.compareAndSet(this, current, pack((current >>> versionShift) + 1, claimed, size))) {
                    if (chunk >= 0) {
                        chunks.release(chunk, this);
                    }
                    return blocks.recordLatest(epoch, start, size);
                }
                chunks.giveBack(claimed, this, tagBefore);   // nobody placed a block in it
            }
        }

        @Override
        boolean isDead() {
            return false;
        }

        @Override
        int top(int chunk, int end) {
            long current = word;
            return chunkOf(current) == chunk ? chunks.start(chunk) + (int) (current & offsetMask) : end;
        }

        private int chunkOf(long word) {
            return (int) ((word >>> offsetBits) & chunkMask) - 1;
        }

        /** The version wraps within its bits; the sign bit stays clear. */
        private long pack(long version, int chunk, int offset) {
            return ((version << versionShift) & Long.MAX_VALUE) | ((long) (chunk + 1) << offsetBits) | offset;
        }
    }
}
