package org.epocharena.ring;

import java.util.Arrays;
import org.epocharena.EpochArena;

/**
 * A circular bump allocator over a slice of a pool whose blocks are freed a whole epoch at a time.
 * Not thread-safe: the arena that owns it serializes every call.
 *
 * <p>Blocks are placed at the head and the live region runs from the tail to the head in ring
 * order. Because epochs only grow, the blocks of one epoch form one contiguous segment and the
 * segments lie in epoch order, so freeing every epoch below {@code F} is moving the tail to the
 * start of the first segment whose epoch is at least {@code F}: the cost is the number of segments
 * freed, never the number of blocks. A segment is one record of three primitives, pushed at the
 * first block of a new epoch, so placing allocates nothing on the heap but for the rare growth of
 * the record arrays.
 *
 * <p>The trade-off is the ring's end: a block that does not fit before the end of the slice wraps to
 * its start, and the skipped tail bytes are waste until the segment holding them is freed. From an
 * empty ring the head and tail are reset to 0, so filling from empty is exact: a block fits
 * whenever the bytes placed so far plus its size are at most {@link #length()}.
 */
public final class EpochRing {
    private static final int INITIAL_SEGMENTS = 64;

    private final int length;
    /** Next free position (relative to the slice). */
    private int head;
    /** Start of the oldest live segment. */
    private int tail;
    /** Live bytes plus wrap waste between tail and head; tells a full ring from an empty one. */
    private long used;
    /** Every byte ever bumped, waste included: segment starts are differences of this counter. */
    private long consumed;

    // The segments, oldest first, in a growable circular buffer of primitive arrays.
    private long[] segmentEpoch = new long[INITIAL_SEGMENTS];
    private long[] segmentVirtualStart = new long[INITIAL_SEGMENTS];
    private int[] segmentPhysicalStart = new int[INITIAL_SEGMENTS];
    private int firstSegment;
    private int segmentCount;

    /**
     * @param length the slice length in bytes, at least {@link EpochArena#MIN_BLOCK}
     */
    public EpochRing(int length) {
        if (length < EpochArena.MIN_BLOCK) {
            throw new IllegalArgumentException("ring length must be at least " + EpochArena.MIN_BLOCK
                    + " bytes, was " + length);
        }
        this.length = length;
    }

    public int length() {
        return length;
    }

    /** Live bytes plus waste; 0 exactly when the ring holds no block. */
    public long used() {
        return used;
    }

    /**
     * Whether {@link #place} would succeed now. Reads only primitive fields and indexes no array,
     * so it is safe to call without the owner's lock, e.g. under an optimistic stamp or as a hint,
     * where it may return either answer until the caller validates.
     */
    public boolean fits(int size) {
        long used = this.used;
        if (used == 0) {
            return size <= length;
        }
        int head = this.head;
        int tail = this.tail;
        // Differences, never head + size: at the largest length that sum passes Integer.MAX_VALUE.
        if (head > tail) {
            return size <= length - head || size <= tail;
        }
        // head < tail is wrapped; head == tail with used > 0 is full.
        return size <= tail - head;
    }

    /**
     * Places {@code size} bytes in {@code epoch}, which must be at least the epoch of every earlier
     * placement, and returns their offset relative to the slice, or -1 having changed nothing.
     */
    public int place(int size, long epoch) {
        if (used == 0) {
            head = 0;
            tail = 0;
        }
        int start;
        int waste = 0;
        if (head > tail || used == 0) {
            if (size <= length - head) {   // not head + size <= length: that sum can overflow
                start = head;
            } else if (size <= tail) {
                start = 0;
                waste = length - head;
            } else {
                return -1;
            }
        } else if (head < tail && size <= tail - head) {
            start = head;
        } else {
            return -1;
        }
        if (segmentCount == 0 || segmentEpoch[(firstSegment + segmentCount - 1) & (segmentEpoch.length - 1)] != epoch) {
            // Before the wrap, so that waste left at the end of the slice is freed with this segment.
            pushSegment(epoch, consumed, head);
        }
        consumed += (long) waste + size;
        used += (long) waste + size;
        head = start + size;
        return start;
    }

    /** Frees every segment whose epoch is below {@code epoch}; O(segments freed). */
    public void freeBelow(long epoch) {
        int mask = segmentEpoch.length - 1;
        int freed = 0;
        while (freed < segmentCount && segmentEpoch[(firstSegment + freed) & mask] < epoch) {
            freed++;
        }
        if (freed == 0) {
            return;
        }
        firstSegment = (firstSegment + freed) & mask;
        segmentCount -= freed;
        if (segmentCount == 0) {
            used = 0;
            head = 0;
            tail = 0;
        } else {
            tail = segmentPhysicalStart[firstSegment];
            used = consumed - segmentVirtualStart[firstSegment];
        }
    }

    private void pushSegment(long epoch, long virtualStart, int physicalStart) {
        if (segmentCount == segmentEpoch.length) {
            grow();
        }
        int at = (firstSegment + segmentCount) & (segmentEpoch.length - 1);
        segmentEpoch[at] = epoch;
        segmentVirtualStart[at] = virtualStart;
        segmentPhysicalStart[at] = physicalStart;
        segmentCount++;
    }

    /** Doubles the record arrays, unrolling them so the oldest segment is at index 0. */
    private void grow() {
        int n = segmentEpoch.length;
        segmentEpoch = unroll(segmentEpoch, n);
        segmentVirtualStart = unroll(segmentVirtualStart, n);
        int[] physical = new int[n * 2];
        for (int i = 0; i < n; i++) {
            physical[i] = segmentPhysicalStart[(firstSegment + i) & (n - 1)];
        }
        segmentPhysicalStart = physical;
        firstSegment = 0;
    }

    private long[] unroll(long[] ring, int n) {
        long[] grown = Arrays.copyOf(ring, n * 2);
        for (int i = 0; i < n; i++) {
            grown[i] = ring[(firstSegment + i) & (n - 1)];
        }
        return grown;
    }

    @Override
    public String toString() {
        return "EpochRing[length=" + length + ", head=" + head + ", tail=" + tail + ", used=" + used
                + ", segments=" + segmentCount + "]";
    }
}
