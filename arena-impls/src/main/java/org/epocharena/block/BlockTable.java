package org.epocharena.block;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import org.epocharena.ArenaLimits;

/**
 * The pool and one record per 16-byte granule of it, naming the block that starts in that granule.
 *
 * <p>Blocks are at least 16 bytes, so no two live blocks start in the same granule and one record
 * per granule is enough. A record packs the block's full epoch (50 bits, {@link ArenaLimits#MAX_EPOCH}),
 * size and offset within the granule; a handle ({@link Handles}: granule and epoch bits) resolves only
 * if the record in its granule carries its epoch bits, and the offset comes from the record, so a
 * made-up or stale handle is rejected before any byte is touched and can only ever reach the start
 * of a real block. Freeing costs nothing here: a block is dead once
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
    private final Handles handles;
    private final long[] records;
    private byte[] pool;
    /** Blocks of every epoch below this are freed. */
    private volatile long freedBelow = 1;

    public BlockTable(int capacity) {
        this.capacity = capacity;
        this.handles = new Handles(capacity);
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
        return handles.encode(epoch, offset);
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
        return handles.encode(epoch, offset);
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
        long granule = handles.granule(handle);
        if (granule >= records.length) {
            return 0;
        }
        long record = (long) RECORDS.getOpaque(records, (int) granule);
        return record != 0 && handles.sameEpoch(epochOf(record), handles.epochBits(handle)) ? record : 0;
    }

    /** The byte offset of the block {@code record} (found for {@code handle}) describes. */
    int offsetOf(long handle, long record) {
        return ((int) handles.granule(handle) << GRANULE_SHIFT) | (int) (record & 15);
    }

    static long epochOf(long record) {
        return record >>> EPOCH_SHIFT;
    }

    static int sizeOf(long record) {
        return (int) ((record >>> SIZE_SHIFT) & 0x3FF) + 1;
    }

    /** See {@link Handles#widenEpoch}. */
    long widenEpoch(long handle, long currentEpoch) {
        return handles.widenEpoch(handle, currentEpoch);
    }
}
