package org.epocharena.bench.alloc;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.PooledByteBufAllocator;
import io.netty.util.concurrent.FastThreadLocalThread;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * The pooled Netty baseline is Netty's fast path, not its slow one: a worker thread of the harnesses
 * is a {@link FastThreadLocalThread} and, after it allocates, Netty has a thread-local cache for it.
 */
class NettyThreadCacheTest {

    @Test
    void aWorkerThreadOfThePooledBaselineGetsAThreadCache() throws InterruptedException {
        NettyAllocator allocator = (NettyAllocator) Baseline.NETTY_POOLED.create(0);
        PooledByteBufAllocator netty = (PooledByteBufAllocator) allocator.netty();
        assertThat(netty.metric().numThreadLocalCaches()).isZero();
        AtomicBoolean fast = new AtomicBoolean();
        Thread worker = allocator.newThread(() -> {
            fast.set(Thread.currentThread() instanceof FastThreadLocalThread);
            Lane lane = allocator.lane();
            for (int i = 0; i < 100; i++) {
                lane.allocate(64);
            }
            assertThat(netty.metric().numThreadLocalCaches()).isPositive();
            lane.release();
        }, "worker", 256 * 1024);
        worker.start();
        worker.join();
        assertThat(fast).isTrue();
        allocator.close();
    }

    @Test
    void evenAPlainThreadGetsTheCacheAsUseCacheForAllThreadsIsOn() throws InterruptedException {
        NettyAllocator allocator = (NettyAllocator) Baseline.NETTY_POOLED.create(0);
        PooledByteBufAllocator netty = (PooledByteBufAllocator) allocator.netty();
        int[] caches = new int[1];
        Thread plain = new Thread(() -> {
            Lane lane = allocator.lane();
            lane.allocate(64);
            caches[0] = netty.metric().numThreadLocalCaches();
            lane.release();
        });
        plain.start();
        plain.join();
        assertThat(caches[0]).isPositive();
        allocator.close();
    }
}
