package org.epocharena.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import org.epocharena.Design;
import org.epocharena.EpochArena;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One pin held for millions of epochs: what an arena keeps on the Java heap must not grow with the
 * epochs the pin spans (per-epoch bookkeeping reused, folded or bounded), the pinned block stays
 * intact throughout, and once the pin goes one reclaim frees everything and the whole pool is usable
 * again. The time the first call after the release takes is a JMH figure, not asserted here.
 */
class LongPinTest {
    private static final int RECLAIMS = 5_000_000;
    private static final long MIB = 1 << 20;

    @ParameterizedTest
    @MethodSource("org.epocharena.Design#all")
    void heapStaysFlatWhileOnePinHoldsForMillionsOfReclaims(Design kind) throws Exception {
        try (EpochArena arena = kind.create(1 << 16)) {
            CountDownLatch pinned = new CountDownLatch(1);
            CountDownLatch release = new CountDownLatch(1);
            AtomicLong block = new AtomicLong();
            Thread holder = new Thread(() -> {
                try (EpochArena.Guard guard = arena.pin()) {
                    block.set(arena.allocate(64));
                    arena.putLong(block.get(), 0, 0x0DDBA11L);
                    pinned.countDown();
                    release.await();
                    assertThat(arena.getLong(block.get(), 0)).isEqualTo(0x0DDBA11L);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }, "long pin");
            holder.start();
            pinned.await();
            churn(arena, RECLAIMS / 10);   // warm: whatever the JIT and the first epochs keep
            long before = heapUsedAfterGc();
            churn(arena, RECLAIMS);
            long after = heapUsedAfterGc();
            assertThat(arena.isLive(block.get())).as("%s: the pinned block", kind).isTrue();
            assertThat(after - before).as("%s: heap growth over %d reclaims under one pin", kind, RECLAIMS)
                    .isLessThan(MIB);

            release.countDown();
            holder.join();
            arena.reclaim();
            assertThat(arena.isLive(block.get())).isFalse();
            assertThat(arena.usedBytes()).as("%s: everything freed after the release", kind).isZero();
            long placed = 0;
            while (arena.tryAllocate(EpochArena.MIN_BLOCK) != EpochArena.OUT_OF_MEMORY) {
                placed += EpochArena.MIN_BLOCK;
            }
            assertThat(placed).as("%s: the whole pool is usable again", kind)
                    .isGreaterThanOrEqualTo(arena.capacity() - arena.wasteBound());
        }
    }

    /** Reclaims, with a small allocation every eighth epoch until the pinned pool is full. */
    private static void churn(EpochArena arena, int reclaims) {
        for (int i = 0; i < reclaims; i++) {
            if ((i & 7) == 0) {
                arena.tryAllocate(EpochArena.MIN_BLOCK);
            }
            arena.reclaim();
        }
    }

    private static long heapUsedAfterGc() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(20);
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
