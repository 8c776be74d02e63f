package org.epocharena.bench.alloc;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.Arrays;

/**
 * One thread's blocks of a baseline: an array of the current epoch's blocks, dropped (or released to
 * the baseline's pool) the first time the thread allocates or pins after the allocator's epoch moved
 * on. A pin works as on an arena: while the thread holds one, its blocks stay, whatever epochs end
 * meanwhile (a pin is a count, so pinning allocates nothing).
 *
 * @param <B> the baseline's block type ({@code byte[]}, {@code ByteBuf}, {@code MemorySegment})
 */
abstract class BaselineLane<B> implements Lane {
    private static final VarHandle LIVE_BYTES;

    static {
        try {
            LIVE_BYTES = MethodHandles.lookup().findVarHandle(BaselineLane.class, "liveBytes", long.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final LaneAllocator owner;
    private Object[] blocks = new Object[64];
    private int count;
    private long seenEpoch;
    private int pins;
    /** Written by the owner thread (opaque: a plain store on x86), read by a sampler thread. */
    @SuppressWarnings("unused")
    private long liveBytes;

    BaselineLane(LaneAllocator owner) {
        this.owner = owner;
        this.seenEpoch = owner.epoch();
    }

    /** A new block, or null when the baseline is full. */
    abstract B newBlock(int size);

    /** Gives one block back to the baseline's pool (nothing for garbage-collected blocks). */
    abstract void free(B block);

    abstract void putLong(B block, int offset, long value);

    abstract long getLong(B block, int offset);

    @Override
    public final long allocate(int size) {
        settle();
        B block = newBlock(size);
        if (block == null) {
            return FAILED;
        }
        if (count == blocks.length) {
            blocks = Arrays.copyOf(blocks, count * 2);
        }
        blocks[count] = block;
        LIVE_BYTES.setOpaque(this, (long) LIVE_BYTES.getOpaque(this) + size);
        return count++;
    }

    @Override
    public final void settle() {
        long e = owner.epoch();
        if (e != seenEpoch && pins == 0) {
            freeAll();
            seenEpoch = e;
        }
    }

    @SuppressWarnings("unchecked")
    final B block(long block) {
        return (B) blocks[(int) block];
    }

    @Override
    public final void putLong(long block, int offset, long value) {
        putLong(block(block), offset, value);
    }

    @Override
    public final long getLong(long block, int offset) {
        return getLong(block(block), offset);
    }

    /** A thread that pins is at a quiescent point first: its blocks of ended epochs go now. */
    @Override
    public long pin() {
        settle();
        return ++pins;
    }

    @Override
    public void unpin(long stamp) {
        if (pins > 0) {
            pins--;
        }
    }

    @Override
    public final void endEpoch() {
        owner.endEpoch();
    }

    /** Blocks of the current epoch still held by this lane. */
    final int liveBlocks() {
        return count;
    }

    final long liveBytes() {
        return (long) LIVE_BYTES.getOpaque(this);
    }

    private void freeAll() {
        for (int i = 0; i < count; i++) {
            @SuppressWarnings("unchecked")
            B b = (B) blocks[i];
            free(b);
            blocks[i] = null;
        }
        count = 0;
        LIVE_BYTES.setOpaque(this, 0L);
    }

    @Override
    public void release() {
        freeAll();
    }
}
