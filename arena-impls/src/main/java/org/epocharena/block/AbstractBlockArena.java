package org.epocharena.block;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Objects;
import java.util.function.LongSupplier;
import org.epocharena.ArenaDiagnostics;
import org.epocharena.ArenaLimits;
import org.epocharena.EpochArena;
import org.epocharena.pin.PinRegistry;

/**
 * Everything the fast designs share: the {@link BlockTable}, the {@link PinRegistry}, the closed
 * state and every accessor. A design supplies only how blocks are placed ({@link #place(int)}),
 * how an epoch ends ({@link #reclaim()}) and how it counts ({@link #epoch()}, {@link #usedBytes()}).
 */
public abstract class AbstractBlockArena implements EpochArena, ArenaDiagnostics {
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    protected final BlockTable blocks;
    /** The last epoch this pool's handles can tell apart ({@link ArenaLimits#maxEpoch}). */
    protected final long maxEpoch;
    protected final PinRegistry pins = new PinRegistry();
    /** Made once: a fresh method reference per pin() would be a heap allocation on the pin path. */
    private final LongSupplier currentEpoch = this::epoch;
    private volatile boolean closed;

    protected AbstractBlockArena(int capacity) {
        this.blocks = new BlockTable(ArenaLimits.checkCapacity(capacity));
        this.maxEpoch = ArenaLimits.maxEpoch(capacity);
    }

    /**
     * Places a block of a valid {@code size} in the current epoch, records it with
     * {@link BlockTable#record} and returns the handle, or returns {@link #OUT_OF_MEMORY} having
     * changed nothing and allocated nothing on the Java heap.
     */
    protected abstract long place(int size);

    @Override
    public final long reclaim() {
        return reclaim(1);
    }

    @Override
    public final long tryAllocate(int size) {
        ensureOpen();
        return place(ArenaLimits.checkSize(size));
    }

    @Override
    public final long allocate(int size) {
        long handle = tryAllocate(size);
        if (handle == OUT_OF_MEMORY) {
            throw ArenaLimits.outOfMemory(size, capacity() - usedBytes(), capacity(), epoch(),
                    pins.oldestPinnedEpoch());
        }
        return handle;
    }

    @Override
    public final int capacity() {
        ensureOpen();   // contract rule 9: every call but close() throws once closed
        return blocks.capacity();
    }

    @Override
    public final Guard pin() {
        ensureOpen();
        return pins.pin(currentEpoch);
    }

    @Override
    public final long pinStamp() {
        ensureOpen();
        return pins.pinStamp(currentEpoch);
    }

    @Override
    public final void unpin(long stamp) {
        ensureOpen();
        pins.unpin(stamp);
    }

    @Override
    public final void putByte(long handle, int offset, byte value) {
        long record = live(handle);
        pool()[blocks.offsetOf(handle, record) + Objects.checkIndex(offset, BlockTable.sizeOf(record))] = value;
    }

    @Override
    public final byte getByte(long handle, int offset) {
        long record = live(handle);
        return pool()[blocks.offsetOf(handle, record) + Objects.checkIndex(offset, BlockTable.sizeOf(record))];
    }

    @Override
    public final void putLong(long handle, int offset, long value) {
        long record = live(handle);
        Objects.checkFromIndexSize(offset, Long.BYTES, BlockTable.sizeOf(record));
        LONGS.set(pool(), blocks.offsetOf(handle, record) + offset, value);
    }

    @Override
    public final long getLong(long handle, int offset) {
        long record = live(handle);
        Objects.checkFromIndexSize(offset, Long.BYTES, BlockTable.sizeOf(record));
        return (long) LONGS.get(pool(), blocks.offsetOf(handle, record) + offset);
    }

    @Override
    public final void write(long handle, int offset, byte[] src, int srcOffset, int length) {
        long record = live(handle);
        Objects.checkFromIndexSize(offset, length, BlockTable.sizeOf(record));
        Objects.checkFromIndexSize(srcOffset, length, src.length);
        System.arraycopy(src, srcOffset, pool(), blocks.offsetOf(handle, record) + offset, length);
    }

    @Override
    public final void read(long handle, int offset, byte[] dst, int dstOffset, int length) {
        long record = live(handle);
        Objects.checkFromIndexSize(offset, length, BlockTable.sizeOf(record));
        Objects.checkFromIndexSize(dstOffset, length, dst.length);
        System.arraycopy(pool(), blocks.offsetOf(handle, record) + offset, dst, dstOffset, length);
    }

    @Override
    public final int sizeOf(long handle) {
        return BlockTable.sizeOf(live(handle));
    }

    @Override
    public final long epochOf(long handle) {
        return BlockTable.epochOf(live(handle));
    }

    @Override
    public final boolean isLive(long handle) {
        ensureOpen();
        long record = blocks.find(handle);
        return record != 0 && BlockTable.epochOf(record) >= blocks.freedBelow();
    }

    @Override
    public final int threadRecords() {
        return pins.threadRecords();
    }

    @Override
    public final void close() {
        if (!closed) {
            closed = true;
            blocks.release();
        }
    }

    protected final void ensureOpen() {
        if (closed) {
            throw ArenaLimits.closed();
        }
    }

    /** The record of the live block {@code handle} names; throws if it is freed or was never one. */
    private long live(long handle) {
        ensureOpen();
        long record = blocks.find(handle);
        long freedBelow = blocks.freedBelow();
        if (record != 0) {
            long epoch = BlockTable.epochOf(record);
            if (epoch >= freedBelow) {
                return record;
            }
            throw ArenaLimits.reclaimed(handle, epoch);
        }
        if (handle >= 0) {
            long epoch = blocks.widenEpoch(handle, epoch());
            if (epoch >= 1 && epoch < freedBelow) {
                throw ArenaLimits.reclaimed(handle, epoch);
            }
        }
        throw ArenaLimits.notABlock(handle);
    }

    private byte[] pool() {
        byte[] pool = blocks.pool();
        if (pool == null) {
            throw ArenaLimits.closed();
        }
        return pool;
    }
}
