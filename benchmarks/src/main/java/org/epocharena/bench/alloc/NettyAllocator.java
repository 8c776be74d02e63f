package org.epocharena.bench.alloc;

import io.netty.buffer.AbstractByteBufAllocator;
import io.netty.buffer.AdaptiveByteBufAllocator;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.util.concurrent.FastThreadLocalThread;

/**
 * {@link Baseline#NETTY_POOLED} and {@link Baseline#NETTY_ADAPTIVE}: each block is a heap
 * {@link ByteBuf} of exactly the requested size (heap, like an arena's pool), released (refCnt 0) to
 * Netty's pool when its epoch ends. Both run as an application's event-loop threads see them: worker
 * pools start {@link FastThreadLocalThread}s, and the allocators are built with their per-thread
 * caches on for every thread ({@code useCacheForAllThreads} / {@code useCacheForNonEventLoopThreads}),
 * so JMH's own threads get the caches too. Held bytes: the buffers the threads still hold, as for
 * every baseline (Netty's own {@code usedHeapMemory()} counts whole chunks, in use or cached, which
 * is its footprint, not memory it cannot reuse).
 */
final class NettyAllocator extends LaneAllocator {
    private final AbstractByteBufAllocator netty;

    private NettyAllocator(AbstractByteBufAllocator netty) {
        this.netty = netty;
    }

    /** Netty's pooled allocator with its defaults and the thread caches in effect on every thread. */
    static NettyAllocator pooled() {
        return new NettyAllocator(newPooled());
    }

    static PooledByteBufAllocator newPooled() {
        return new PooledByteBufAllocator(false, PooledByteBufAllocator.defaultNumHeapArena(), 0,
                PooledByteBufAllocator.defaultPageSize(), PooledByteBufAllocator.defaultMaxOrder(),
                PooledByteBufAllocator.defaultSmallCacheSize(), PooledByteBufAllocator.defaultNormalCacheSize(),
                true);
    }

    /** Netty 4.2's default allocator, heap buffers, magazines for every thread. */
    static NettyAllocator adaptive() {
        return new NettyAllocator(new AdaptiveByteBufAllocator(false, true));
    }

    /** The Netty allocator underneath (for tests: its metric shows the thread caches). */
    AbstractByteBufAllocator netty() {
        return netty;
    }

    @Override
    public Thread newThread(Runnable task, String name, long stackSize) {
        return new FastThreadLocalThread(null, task, name, stackSize);
    }

    @Override
    BaselineLane<?> newLane() {
        return new BaselineLane<ByteBuf>(this) {
            @Override
            ByteBuf newBlock(int size) {
                return netty.heapBuffer(size, size);
            }

            @Override
            void free(ByteBuf block) {
                block.release();
            }

            @Override
            void putLong(ByteBuf block, int offset, long value) {
                block.setLongLE(offset, value);
            }

            @Override
            long getLong(ByteBuf block, int offset) {
                return block.getLongLE(offset);
            }
        };
    }
}
