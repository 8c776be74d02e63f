package org.epocharena.bench.baseline;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;
import java.util.Arrays;
import org.epocharena.EpochArena;
import org.epocharena.bench.workload.EpochAllocator;

/**
 * {@link Baseline#NETTY_HEAP} and {@link Baseline#NETTY_DIRECT}: each block is a pooled
 * {@link ByteBuf}; ending the epoch releases every buffer of the epoch (refCnt 0), returning it to
 * Netty's pool the way the arena's reclaim returns blocks. One thread only.
 */
public final class NettyLane implements EpochAllocator {
    private final PooledByteBufAllocator pool;
    private final boolean direct;
    private ByteBuf[] live = new ByteBuf[64];
    private int count;
    private long epoch = 1;

    NettyLane(PooledByteBufAllocator pool, boolean direct) {
        this.pool = pool;
        this.direct = direct;
    }

    @Override
    public long allocate(int size) {
        if (count == live.length) {
            live = Arrays.copyOf(live, count * 2);
        }
        live[count] = direct ? pool.directBuffer(size, size) : pool.heapBuffer(size, size);
        return count++;
    }

    @Override
    public long touch(long block) {
        ByteBuf buf = live[(int) block];
        int last = buf.capacity() - Long.BYTES;
        buf.setLong(0, block);
        buf.setLong(last, ~block);
        return buf.getLong(0) ^ buf.getLong(last);
    }

    /** The buffer behind {@code block} while its epoch lasts (for tests). */
    public ByteBuf buffer(long block) {
        return live[(int) block];
    }

    /** Buffers of the current epoch not yet released (for tests: 0 after the epoch or the lane ends). */
    public int liveBlocks() {
        return count;
    }

    @Override
    public EpochArena.Guard pin() {
        return JvmNewLane.NoPinHolder.NO_PIN;
    }

    @Override
    public long endEpoch() {
        for (int i = 0; i < count; i++) {
            live[i].release();
            live[i] = null;
        }
        count = 0;
        return ++epoch;
    }

    @Override
    public boolean sharedAcrossThreads() {
        return false;
    }

    @Override
    public void close() {
        endEpoch();
    }
}
