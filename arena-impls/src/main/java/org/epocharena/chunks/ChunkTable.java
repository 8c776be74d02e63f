package org.epocharena.chunks;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import org.epocharena.block.BlockTable;

/**
 * The pool cut into fixed chunks, each with a tag (the latest epoch of a block placed in it) and a
 * holder (who bumps in it, or null). A chunk is claimed by one compare-and-set of its holder from
 * null, only when its tag is below the freed bound: every block in it is then dead, so the claimer
 * may place from its start. Nothing here takes a lock.
 *
 * <p>Why a holder and not a bit in the tag word: a holder that ended must be found so its chunk can
 * be taken back, and the one compare-and-set that claims a chunk must also name who claimed it, or a
 * claimer preempted between the two steps would look like the previous, dead holder.
 *
 * <p>Each holder scans from where its last claim ended, so two threads share no hint. A scan that finds
 * nothing remembers the freed bound and the count of releases of already-free chunks it saw, so
 * failing allocations cost a few reads, not a scan, until a reclaim or such a release can have made a
 * chunk free; letting go of a full chunk (its blocks not yet freed) writes nothing shared. A holder
 * that ends can also make a chunk claimable, so a failing claim also looks at one of the chunks the
 * failed scan saw held by a live holder.
 */
final class ChunkTable {
    private static final VarHandle TAGS = MethodHandles.arrayElementVarHandle(long[].class);
    private static final VarHandle HOLDERS = MethodHandles.arrayElementVarHandle(Holder[].class);
    private static final VarHandle RELEASES;
    /** How many chunks held by live holders a failed scan remembers to watch. */
    private static final int MAX_WATCHED = 64;

    static {
        try {
            RELEASES = MethodHandles.lookup().findVarHandle(ChunkTable.class, "releases", long.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final BlockTable blocks;
    private final int capacity;
    private final int size;
    private final int count;
    private final long[] tags;
    private final Holder[] holders;
    /** Releases of chunks whose blocks were all dead already: only these make a chunk claimable. */
    private volatile long releases;
    /** The freed bound and release count of the last scan that found no chunk, or -1. */
    private volatile long fullAtFreed = -1;
    private volatile long fullAtReleases = -1;
    /**
     * Chunks whose blocks were all dead when the last failed scan passed them, but whose holder was
     * alive: such a holder ending makes its chunk claimable without a release or a reclaim, so a
     * failing claim looks at one of them each time. Past {@value #MAX_WATCHED} the rest wait for the
     * next release or reclaim: failing must stay a few reads, not a scan, however many threads idle.
     */
    private final int[] watched = new int[MAX_WATCHED];
    private volatile int watchedCount;
    private int watchFrom;

    ChunkTable(BlockTable blocks, int count) {
        this.blocks = blocks;
        this.capacity = blocks.capacity();
        this.count = count;
        this.size = capacity / count;
        this.tags = new long[count];
        this.holders = new Holder[count];
    }

    int size() {
        return size;
    }

    int count() {
        return count;
    }

    int start(int chunk) {
        return chunk * size;
    }

    /** The end of a chunk; the last one takes the remainder of the pool. */
    int end(int chunk) {
        return chunk == count - 1 ? capacity : (chunk + 1) * size;
    }

    long tag(int chunk) {
        return (long) TAGS.getVolatile(tags, chunk);
    }

    /**
     * Raises a chunk's tag to {@code epoch} before a block of that epoch is placed in it. Only its
     * holder places blocks; a late lane writer may raise the tag of a chunk its lane already left,
     * which only makes that chunk look younger than it is until the epoch is freed.
     */
    void raiseTag(int chunk, long epoch) {
        long tag;
        while ((tag = (long) TAGS.getVolatile(tags, chunk)) < epoch) {
            if (TAGS.compareAndSet(tags, chunk, tag, epoch)) {
                return;
            }
        }
    }

    /**
     * Claims a chunk whose blocks are all dead for {@code holder}, taking back on the way chunks whose
     * holder ended ({@code onTakenBack} is told of each); returns it or -1. The holder raises the tag
     * before it places a block there, or gives the chunk back untouched with {@link #giveBack}.
     */
    int claim(Holder holder, long freedBelow, TakenBack onTakenBack) {
        long seenReleases = releases;
        if (fullAtFreed == freedBelow && fullAtReleases == seenReleases && !aWatchedHolderEnded()) {
            return -1;
        }
        int start = holder.scanFrom;
        int watching = 0;
        for (int i = 0; i < count; i++) {
            int chunk = start + i < count ? start + i : start + i - count;
            if ((long) TAGS.getVolatile(tags, chunk) >= freedBelow) {
                continue;
            }
            Holder current = (Holder) HOLDERS.getVolatile(holders, chunk);
            if (current != null) {
                if (!current.isDead()) {
                    if (current != holder && watching < MAX_WATCHED) {
                        watching = watch(watching, chunk);
                    }
                    continue;
                }
                if (!HOLDERS.compareAndSet(holders, chunk, current, null)) {
                    continue;
                }
                onTakenBack.takenBack(current);
            }
            if (take(chunk, holder, freedBelow)) {
                holder.scanFrom = chunk + 1 == count ? 0 : chunk + 1;
                return chunk;
            }
        }
        watchedCount = watching;
        fullAtReleases = seenReleases;
        fullAtFreed = freedBelow;
        return -1;
    }

    private int watch(int index, int chunk) {
        watched[index] = chunk;
        return index + 1;
    }

    /** Whether one of the watched chunks (a different one each call) lost its holder. */
    private boolean aWatchedHolderEnded() {
        int n = watchedCount;
        if (n == 0) {
            return false;
        }
        int at = watchFrom;
        watchFrom = at + 1;
        Holder current = (Holder) HOLDERS.getVolatile(holders, watched[(at & Integer.MAX_VALUE) % n]);
        return current == null || current.isDead();
    }

    /**
     * Claims this one chunk for {@code holder} if all its blocks are dead and nobody holds it: a thread
     * tries the chunks it let go of first, because they are still in its caches.
     */
    boolean claimThis(int chunk, Holder holder, long freedBelow) {
        return (long) TAGS.getVolatile(tags, chunk) < freedBelow && HOLDERS.getVolatile(holders, chunk) == null
                && take(chunk, holder, freedBelow);
    }

    /** Takes a chunk nobody holds whose tag was below {@code freedBelow}, if it still is once taken. */
    private boolean take(int chunk, Holder holder, long freedBelow) {
        if (!HOLDERS.compareAndSet(holders, chunk, null, holder)) {
            return false;
        }
        if ((long) TAGS.getVolatile(tags, chunk) >= freedBelow) {
            // A late lane writer raised it meanwhile: it may hold a block that is not dead yet.
            HOLDERS.setVolatile(holders, chunk, null);
            return false;
        }
        return true;
    }

    /** Lets go of a chunk claimed for nothing, with the tag it had before {@code holder} raised it. */
    void giveBack(int chunk, Holder holder, long tagBefore) {
        TAGS.setVolatile(tags, chunk, tagBefore);
        release(chunk, holder);
    }

    /** Lets go of a chunk {@code holder} holds; its blocks stay until their epoch is freed. */
    void release(int chunk, Holder holder) {
        // A chunk with live blocks becomes claimable only when the freed bound passes its tag, which a
        // failed scan's memory already watches; count only chunks claimable at once.
        if (HOLDERS.compareAndSet(holders, chunk, holder, null)
                && (long) TAGS.getVolatile(tags, chunk) < blocks.freedBelow()) {
            RELEASES.getAndAdd(this, 1L);
        }
    }

    /**
     * Bytes not available to allocate: chunks holding blocks of epochs not yet freed, whole if let go
     * (their tails wait for the epoch too), up to the holder's bump position if held.
     */
    long usedBytes(long freedBelow) {
        long used = 0;
        for (int chunk = 0; chunk < count; chunk++) {
            if ((long) TAGS.getVolatile(tags, chunk) >= freedBelow) {
                Holder holder = (Holder) HOLDERS.getVolatile(holders, chunk);
                int start = start(chunk);
                int end = end(chunk);
                int top = holder == null ? end : Math.max(start, Math.min(end, holder.top(chunk, end)));
                used += top - start;
            }
        }
        return used;
    }

    /** Who bumps in a chunk: a thread's cursor or a shared lane. */
    abstract static class Holder {
        /** Where its next scan for a chunk starts; a hint, so a lane's racy updates do no harm. */
        int scanFrom;

        /** Whether it will never write again; a lane never ends. */
        abstract boolean isDead();

        /** Its bump position in {@code chunk}, or {@code end} if it no longer bumps there. */
        abstract int top(int chunk, int end);
    }

    @FunctionalInterface
    interface TakenBack {
        void takenBack(Holder holder);
    }
}
