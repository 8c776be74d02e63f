package org.epocharena.bench.baseline;

import io.netty.buffer.PooledByteBufAllocator;
import org.epocharena.bench.workload.EpochAllocator;

/**
 * What a user would pick instead of an arena, driven through the same epoch workload. Each thread
 * gets its own lane (a baseline has no cross-thread epoch): a lane keeps its blocks of the current
 * epoch and lets go of all of them when it ends the epoch, exactly what an unpinned arena user sees.
 * The harnesses pick a baseline with {@code @Param Baseline baseline}.
 */
public enum Baseline {
    /** {@code new byte[size]}, dropped at the end of the epoch and left to the garbage collector. */
    JVM_NEW {
        @Override
        public EpochAllocator lane(PooledByteBufAllocator netty) {
            return new JvmNewLane();
        }
    },
    /** Netty pooled heap buffers, released (refCnt 0) at the end of the epoch. */
    NETTY_HEAP {
        @Override
        public EpochAllocator lane(PooledByteBufAllocator netty) {
            return new NettyLane(netty, false);
        }
    },
    /** Netty pooled direct (off-heap) buffers, released at the end of the epoch. */
    NETTY_DIRECT {
        @Override
        public EpochAllocator lane(PooledByteBufAllocator netty) {
            return new NettyLane(netty, true);
        }
    };

    /**
     * A new lane for one thread; {@code netty} is the pool the Netty lanes of one trial share, the way
     * an application shares one allocator (with its thread-local caches) among its threads.
     */
    public abstract EpochAllocator lane(PooledByteBufAllocator netty);

    /** The pool for one trial: Netty's defaults, with thread-local caches as in an application. */
    public static PooledByteBufAllocator newNettyPool() {
        return new PooledByteBufAllocator(true);
    }
}
