package org.epocharena.lockfree;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import org.epocharena.ArenaLimits;
import org.epocharena.block.AbstractBlockArena;

/**
 * A ring allocator driven only by compare-and-set: no locks, and a stalled thread never blocks
 * another, because every thread that meets an unfinished epoch change finishes it itself.
 *
 * <p><b>Layout.</b> The pool is a ring. Each epoch owns a {@link Segment}; its blocks are
 * contiguous in the ring, and segments follow in epoch order. A segment's {@code word} packs
 * {@code (closed, head, tail)}: the next free position and the start of the oldest live block,
 * both physical positions in {@code [0, capacity]}. {@code head >= tail} is a ring that does not
 * wrap ({@code (0, 0)} is empty); {@code head < tail} has wrapped, and a wrapped block must end
 * strictly before {@code tail} so that a full ring never looks empty. A block that does not fit
 * before the end of the pool goes to offset 0 and the end is waste until the tail passes it.
 *
 * <p><b>Linearization points.</b>
 * <ul>
 *   <li>{@code allocate}: the CAS of the current segment's word from {@code head} to
 *       {@code head + size}; it claims the space and tags the block with that segment's epoch in one
 *       step. A failure takes effect at the read of a word that is open and has no room.</li>
 *   <li>{@code reclaim}: the CAS that sets the closed bit of the current segment; from then on
 *       {@link #epoch()} answers the next epoch. The successor was linked before it (a CAS of
 *       {@code next} from null, which makes each reclaim own exactly one epoch), and the freeing
 *       is computed after it, so that the pin scan runs after the epoch moved, as
 *       {@link org.epocharena.pin.PinRegistry} requires.</li>
 *   <li>{@code epoch}, {@code usedBytes}: the read of the current segment's word; a closed word
 *       answers the next epoch, but only after the caller has finished the change itself, so nobody
 *       ever sees the new epoch while a block it frees still answers {@code isLive}, and nobody
 *       observes the half-done state between the close and the successor's word. ({@code isLive}
 *       and the accessors read the block table's freed bound, which {@link #finish} raises before
 *       any thread can return the new epoch.)</li>
 * </ul>
 *
 * <p><b>Helping.</b> The rest of an epoch change is in {@link #finish}: decide the freeing bound
 * {@code F = min(new epoch, oldest pin)} once (a CAS in the successor, first writer wins), find the
 * new tail as the start of the first segment of epoch {@code >= F} that placed a block (a walk from a
 * monotone {@code tailSegment} that also passes kept segments with no block, so amortized O(1) and
 * never in proportion to live blocks), write the successor's first word ({@code (0, 0)} when nothing
 * is left, the exact bump-from-zero of an empty arena), raise the block table's freed bound, advance
 * {@code tailSegment} and finally
 * {@code current}. Every step is a CAS that succeeds once, so any thread may repeat any of them,
 * late or twice, and allocate, reclaim and usedBytes all call it when they find the current
 * segment closed. Helping allocates nothing: the successor exists and the pin scan walks an array.
 * Words never repeat harmfully: each segment has its own word and a closed word never reopens.
 *
 * <p><b>Trade-offs.</b> One small object per reclaim; segments behind {@code tailSegment} are
 * garbage, and a closed segment is linked out or folded into the one before it ({@link #fold}), so a
 * pin held across millions of reclaims keeps at most {@code 2 * FOLD_DIVISOR + 2} segments and no
 * epoch change walks more. While pins hold
 * old epochs the free space can be split at the end of the ring and an allocation can fail with
 * more free bytes than it asks for (the contract allows it); from an empty arena there is no waste
 * ({@link #wasteBound()} is 0). Everything contends on one word, so it scales like a shared counter.
 */
public final class LockFreeArena extends AbstractBlockArena {
    private static final int POSITION_BITS = 31;
    private static final long POSITION_MASK = (1L << POSITION_BITS) - 1;
    private static final long CLOSED = 1L << 62;
    /** No real word has the sign bit, so this marks a successor whose first word is not decided. */
    private static final long UNSET = -1L;
    private static final long EMPTY = 0L;
    private static final long UNDECIDED = 0L;
    /** A kept segment spans at least 1/this of the pool with its neighbour, so at most 2x this are kept. */
    private static final int FOLD_DIVISOR = 256;

    private static final VarHandle CURRENT;
    private static final VarHandle TAIL_SEGMENT;
    private static final VarHandle WORD;
    private static final VarHandle FIRST_WORD;
    private static final VarHandle FREE_BELOW;
    private static final VarHandle NEXT;
    private static final VarHandle PREV;
    private static final VarHandle LAST_EPOCH;
    private static final VarHandle FOLDED_INTO;

    static {
        try {
            MethodHandles.Lookup lookup = MethodHandles.lookup();
            CURRENT = lookup.findVarHandle(LockFreeArena.class, "current", Segment.class);
            TAIL_SEGMENT = lookup.findVarHandle(LockFreeArena.class, "tailSegment", Segment.class);
            WORD = lookup.findVarHandle(Segment.class, "word", long.class);
            FIRST_WORD = lookup.findVarHandle(Segment.class, "firstWord", long.class);
            FREE_BELOW = lookup.findVarHandle(Segment.class, "freeBelow", long.class);
            NEXT = lookup.findVarHandle(Segment.class, "next", Segment.class);
            PREV = lookup.findVarHandle(Segment.class, "prev", Segment.class);
            LAST_EPOCH = lookup.findVarHandle(Segment.class, "lastEpoch", long.class);
            FOLDED_INTO = lookup.findVarHandle(Segment.class, "foldedInto", Segment.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final int capacity;
    /** Kept segments whose blocks together span at most this many bytes are folded into one. */
    private final int foldSpan;
    /** The segment allocations go to; moves only to a successor whose word is set. */
    private volatile Segment current;
    /** The oldest segment that may hold live blocks; only ever moves to a later epoch. */
    private volatile Segment tailSegment;

    public LockFreeArena(int capacity) {
        super(capacity);
        this.capacity = capacity;
        this.foldSpan = Math.max(MIN_BLOCK, capacity / FOLD_DIVISOR);
        Segment first = new Segment(1);
        first.firstWord = EMPTY;
        first.word = EMPTY;
        current = first;
        tailSegment = first;
    }

    @Override
    protected long place(int size) {
        while (true) {
            Segment segment = current;
            long word = segment.word;
            if ((word & CLOSED) != 0) {
                finish(segment);
                continue;
            }
            int head = head(word);
            int tail = tail(word);
            int offset;
            if (head >= tail) {
                if (size <= capacity - head) {
                    offset = head;
                } else if (size < tail) {
                    offset = 0;
                } else {
                    return OUT_OF_MEMORY;
                }
            } else if (size < tail - head) {
                offset = head;
            } else {
                return OUT_OF_MEMORY;
            }
            if (WORD.compareAndSet(segment, word, pack(offset + size, tail))) {
                return blocks.recordLatest(segment.epoch, offset, size);
            }
        }
    }

    @Override
    public long reclaim(long epochs) {
        ensureOpen();
        Segment successor = null;
        while (true) {
            Segment segment = current;
            if (segment.next == null) {
                long next = ArenaLimits.nextEpoch(segment.epoch, epochs, maxEpoch);
                if (successor == null || successor.epoch != next) {
                    successor = new Segment(next);
                }
                successor.prev = segment;
                if (NEXT.compareAndSet(segment, null, successor)) {
                    finish(segment);
                    return successor.epoch;
                }
            }
            // Another reclaim owns this epoch change: finish it, then end the next epoch ourselves.
            finish(segment);
        }
    }

    @Override
    public long epoch() {
        ensureOpen();
        Segment segment = current;
        if ((segment.word & CLOSED) == 0) {
            return segment.epoch;
        }
        // Never answer the new epoch before the blocks it frees are freed: finish the change first.
        finish(segment);
        return segment.next.epoch;
    }

    @Override
    public long usedBytes() {
        ensureOpen();
        while (true) {
            Segment segment = current;
            long word = segment.word;
            if ((word & CLOSED) == 0) {
                return used(word);
            }
            finish(segment);
        }
    }

    @Override
    public long wasteBound() {
        ensureOpen();
        return 0;
    }

    /** The segments kept from the oldest that may hold live blocks to the current one, both included. */
    int keptSegments() {
        int kept = 1;
        Segment end = current;
        for (Segment s = tailSegment; s != end && s.epoch < end.epoch; s = s.next) {
            kept++;
        }
        return kept;
    }

    /** Completes the change from {@code segment} (whose successor is linked) to its successor. */
    private void finish(Segment segment) {
        Segment successor = segment.next;
        long closedWord = close(segment);

        long free = successor.freeBelow;
        if (free == UNDECIDED) {
            // Only after the close: a pin stored before it is seen here, one stored after it rechecks the epoch.
            long bound = Math.min(successor.epoch, pins.oldestPinnedEpochAfterAdvance(successor.epoch));
            long witness = (long) FREE_BELOW.compareAndExchange(successor, UNDECIDED, bound);
            free = witness == UNDECIDED ? bound : witness;
        }

        Segment oldest = tailSegment;
        Segment kept = oldest;
        // Past the freed epochs and past kept epochs that placed no block: the tail is the start of
        // the oldest block. Emptiness is decided per segment, never by comparing the oldest kept
        // segment's start with the closing head: a segment starting at capacity places its blocks
        // at 0, so a ring that fills from there back up to capacity ends where it started, full.
        int frozenHead = head(closedWord);
        // Nothing pinned below the new epoch frees everything: no walk, however many segments a pin kept.
        while (free < successor.epoch && kept.epoch < successor.epoch) {
            // next before lastEpoch: a fold raises lastEpoch before it links past the folded segment.
            Segment after = kept.next;
            int end = kept == segment ? frozenHead : head(after.firstWord);
            if (kept.lastEpoch >= free && head(kept.firstWord) != end) {
                break;
            }
            kept = after;
        }
        Segment newTail;
        long firstWord;
        if (free >= successor.epoch || kept == successor) {
            // Nothing live is left: restart at offset 0.
            newTail = successor;
            firstWord = EMPTY;
        } else {
            newTail = kept;
            int tail = head(kept.firstWord);
            firstWord = pack(frozenHead, tail == capacity ? 0 : tail);
        }
        FIRST_WORD.compareAndSet(successor, UNSET, firstWord);
        blocks.freeBelow(free);
        // A late helper may have read a later tailSegment; never move it back.
        if (newTail.epoch > oldest.epoch) {
            TAIL_SEGMENT.compareAndSet(this, oldest, newTail);
        }
        fold(segment, successor, frozenHead, free);
        WORD.compareAndSet(successor, UNSET, successor.firstWord);
        CURRENT.compareAndSet(this, segment, successor);
    }

    /**
     * Keeps the chain of kept segments short however long a pin holds: the closed {@code segment} is
     * linked out of the chain when it placed no block, and folded into the kept segment before it when
     * the two together span at most {@link #foldSpan} bytes (unless it is the oldest pinned epoch, where
     * the tail must be able to stop exactly). A folded segment's blocks count as its predecessor's, so
     * the tail may wait at the predecessor's start until every folded epoch is freed: never unsafe,
     * and at most {@code foldSpan} bytes later than exact. Neighbouring kept segments then span more
     * than {@code foldSpan} together, so at most {@code 2 * FOLD_DIVISOR + 2} segments are ever kept,
     * and no walk in {@link #finish} passes more. The decision is taken once ({@code foldedInto});
     * every step after it is a CAS that any helper may repeat.
     */
    private void fold(Segment segment, Segment successor, int frozenHead, long free) {
        Segment before = segment.prev;
        if (before == null) {
            return;   // decided and done by another helper
        }
        int start = head(segment.firstWord);
        boolean empty = start == frozenHead;
        Segment decided = segment.foldedInto;
        if (decided == null) {
            Segment choice = segment;
            if (before.epoch >= tailSegment.epoch && before.next == segment) {
                if (empty) {
                    choice = before;
                } else if (segment.epoch != free
                        && distance(head(before.firstWord), start) + distance(start, frozenHead) <= foldSpan) {
                    choice = before;
                }
            }
            Segment witness = (Segment) FOLDED_INTO.compareAndExchange(segment, null, choice);
            decided = witness == null ? choice : witness;
        }
        if (decided != segment) {
            long last;
            while (!empty && (last = decided.lastEpoch) < segment.lastEpoch) {
                LAST_EPOCH.compareAndSet(decided, last, segment.lastEpoch);
            }
            NEXT.compareAndSet(decided, segment, successor);
            PREV.compareAndSet(successor, segment, decided);
        }
        segment.prev = null;   // nothing older stays reachable through it
    }

    /** Bytes of ring from position {@code from} to {@code to} (both in {@code [0, capacity]}). */
    private int distance(int from, int to) {
        return to >= from ? to - from : capacity - from + to;
    }

    /** Sets the closed bit (the reclaim's linearization point) and returns the closed word. */
    private static long close(Segment segment) {
        while (true) {
            long word = segment.word;
            if ((word & CLOSED) != 0) {
                return word;
            }
            if (WORD.compareAndSet(segment, word, word | CLOSED)) {
                return word | CLOSED;
            }
        }
    }

    private long used(long word) {
        int head = head(word);
        int tail = tail(word);
        return head >= tail ? head - tail : (long) capacity - tail + head;
    }

    private static long pack(int head, int tail) {
        return ((long) head << POSITION_BITS) | tail;
    }

    private static int head(long word) {
        return (int) ((word >>> POSITION_BITS) & POSITION_MASK);
    }

    private static int tail(long word) {
        return (int) (word & POSITION_MASK);
    }

    /** One epoch's stretch of the ring. */
    private static final class Segment {
        final long epoch;
        /** {@code (closed, head, tail)}, or {@link #UNSET} until the epoch change that made it is done. */
        volatile long word = UNSET;
        /** The word it started with, decided once; its head is where this segment's blocks start. */
        volatile long firstWord = UNSET;
        /** Blocks of epochs below this are freed when this segment starts; decided once. */
        volatile long freeBelow = UNDECIDED;
        volatile Segment next;
        /** The kept segment before it, until its own epoch change is done; then null. */
        volatile Segment prev;
        /** The last epoch whose blocks it holds: raised when a later segment is folded into it. */
        volatile long lastEpoch;
        /** Itself when kept, its predecessor when linked out or folded; decided once, after its close. */
        volatile Segment foldedInto;

        Segment(long epoch) {
            this.epoch = epoch;
            this.lastEpoch = epoch;
        }
    }
}
