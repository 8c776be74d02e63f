package org.epocharena.block;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * The pool and one record per 16-byte granule of it, naming the block that starts in that granule.
 *
 * <p>Blocks are at least 16 bytes, so no two live blocks start in the same granule and one record
 * per granule is enough. A record packs the block's full epoch, size and offset within the granule;
 * a handle resolves only if the record at its offset matches it exactly, so a made-up or reused
 * handle is rejected before any byte is touched. Freeing costs nothing here: a block is dead once
 * its epoch is below {@link #freedBelow()}, which is one volatile long, so {@code reclaim()} never
 * walks the records. The records take half a byte per pool byte.
 */
public final class BlockTable {
    private static final int GRANULE_SHIFT = 4;
    private static final int SIZE_SHIFT = 4;
    private static final int EPOCH_SHIFT = 14;
    private static final VarHandle RECORDS = MethodHandles.arrayElementVarHandle(long[].class);
    private static final VarHandle FREED_BELOW;

    static {
        try {
            FREED_BELOW = MethodHandles.lookup().findVarHandle(BlockTable.class, "freedBelow", long.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final int capacity;
    private final long[] records;
    private byte[] pool;
    /** Blocks of every epoch below this are freed. */
    private volatile long freedBelow = 1;

    public BlockTable(int capacity) {
        this.capacity = capacity;
        this.pool = new byte[capacity];
        this.records = new long[(capacity >>> GRANULE_SHIFT) + 1];
    }

    public int capacity() {
        return capacity;
    }

    /** The pool itself, for the accessors of {@link AbstractBlockArena}. */
    byte[] pool() {
        return pool;
    }

    void release() {
        pool = null;
    }

    /** Records a block placed by the caller and returns its handle. */
    public long record(long epoch, int offset, int size) {
        long record = (epoch << EPOCH_SHIFT) | ((long) (size - 1) << SIZE_SHIFT) | (offset & 15);
        RECORDS.setOpaque(records, offset >>> GRANULE_SHIFT, record);
        return Handles.encode(epoch, offset);
    }

    /**
     * {@link #record} for a design that claims space with one compare-and-set and records the block
     * after it: between the two steps a reclaim may free the block and another thread may place and
     * record a newer block in the same granule. The record is therefore written only while the
     * granule holds no newer epoch, so a late writer can never hide a live block; its own handle
     * then fails to resolve, which is right because its block was already freed.
     */
    public long recordLatest(long epoch, int offset, int size) {
        long record = (epoch << EPOCH_SHIFT) | ((long) (size - 1) << SIZE_SHIFT) | (offset & 15);
        int granule = offset >>> GRANULE_SHIFT;
        long old;
        do {
            old = (long) RECORDS.getVolatile(records, granule);
            if (epochOf(old) > epoch) {
                break;
            }
        } while (!RECORDS.compareAndSet(records, granule, old, record));
        return Handles.encode(epoch, offset);
    }

    public long freedBelow() {
        return freedBelow;
    }

    /** Raises the freed-below epoch to {@code epoch}; never lowers it, whichever thread gets there first. */
    public void freeBelow(long epoch) {
        long current;
        while ((current = freedBelow) < epoch) {
            if (FREED_BELOW.compareAndSet(this, current, epoch)) {
                return;
            }
        }
    }

    /**
     * The record of the block {@code handle} names, or 0 when no block was recorded under that
     * handle (made up, or its space reused since). The caller still checks the epoch against
     * {@link #freedBelow()}.
     */
    long find(long handle) {
        if (handle < 0) {
            return 0;
        }
        int offset = Handles.offset(handle);
        if (offset >= capacity) {
            return 0;
        }
        long record = (long) RECORDS.getOpaque(records, offset >>> GRANULE_SHIFT);
        boolean same = record != 0
                && (record & 15) == (offset & 15)
                && ((record >>> EPOCH_SHIFT) & Handles.EPOCH_MASK) == Handles.epochLowBits(handle);
        return same ? record : 0;
    }

    static long epochOf(long record) {
        return record >>> EPOCH_SHIFT;
    }

    static int sizeOf(long record) {
        return (int) ((record >>> SIZE_SHIFT) & 0x3FF) + 1;
    }

    /**
     * The full epoch a handle's 32 epoch bits stand for, taken as the latest such epoch not after
     * {@code currentEpoch}; used only to word the error for a handle that no longer resolves.
     */
    static long widenEpoch(long handle, long currentEpoch) {
        long low = Handles.epochLowBits(handle);
        long candidate = (currentEpoch & ~Handles.EPOCH_MASK) | low;
        return candidate > currentEpoch ? candidate - (1L << 32) : candidate;
    }
}
