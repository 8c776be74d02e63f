package org.epocharena.locked;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntFunction;
import java.util.stream.Stream;
import org.epocharena.ArenaOutOfMemoryException;
import org.epocharena.EpochArena;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The locked designs' own unit test ({@link SynchronizedArena}, {@link StampedLockArena}): the contract
 * examples, the single-thread rules their shared ring makes exact (usedBytes to the byte, fill to
 * the last byte), and a multi-thread canary. The conformance suite covers the full contract for
 * every design; this is the check of what these two promise beyond it.
 */
class LockedDesignsTest {

    static Stream<Arguments> designs() {
        return Stream.of(
                Arguments.of("SynchronizedArena", (IntFunction<EpochArena>) SynchronizedArena::new),
                Arguments.of("StampedLockArena", (IntFunction<EpochArena>) StampedLockArena::new));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("designs")
    void specExample1(String name, IntFunction<EpochArena> factory) throws Exception {
        EpochArena arena = factory.apply(1024);
        long a = onThread(() -> arena.allocate(100));
        long b = onThread(() -> arena.allocate(50));
        assertThat(arena.epochOf(a)).isEqualTo(1);
        assertThat(arena.epochOf(b)).isEqualTo(1);
        assertThat(arena.reclaim()).isEqualTo(2);
        assertThat(arena.usedBytes()).isZero();
        assertThat(arena.isLive(a)).isFalse();
        long c = onThread(() -> arena.allocate(200));
        assertThat(arena.epochOf(c)).isEqualTo(2);
        assertThat(arena.sizeOf(c)).isEqualTo(200);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("designs")
    void specExample2(String name, IntFunction<EpochArena> factory) throws Exception {
        EpochArena arena = factory.apply(512);
        onThread(() -> arena.allocate(256));
        onThread(() -> arena.allocate(256));
        assertThat(arena.usedBytes()).isEqualTo(512);
        assertThat(arena.tryAllocate(16)).isEqualTo(EpochArena.OUT_OF_MEMORY);
        arena.reclaim();
        long c = arena.allocate(128);
        assertThat(arena.epochOf(c)).isEqualTo(2);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("designs")
    void specExample3(String name, IntFunction<EpochArena> factory) throws Exception {
        EpochArena arena = factory.apply(100);
        onThread(() -> arena.allocate(50));
        onThread(() -> arena.allocate(50));
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        long tried = onThread(() -> {
            try {
                arena.allocate(100);
            } catch (ArenaOutOfMemoryException e) {
                thrown.set(e);
            }
            return arena.tryAllocate(100);
        });
        assertThat(thrown.get()).isInstanceOf(ArenaOutOfMemoryException.class);
        assertThat(thrown.get().getMessage()).startsWith("Out of memory").contains("100");
        assertThat(tried).isEqualTo(EpochArena.OUT_OF_MEMORY);
        assertThat(arena.usedBytes()).isEqualTo(100);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("designs")
    void fillsFromEmptyUpToCapacityMinusWasteBound(String name, IntFunction<EpochArena> factory) {
        int capacity = 256 * 1024 + 77;
        EpochArena arena = factory.apply(capacity);
        SplittableRandom random = new SplittableRandom(7);
        for (int round = 0; round < 3; round++) {
            long allocated = 0;
            while (true) {
                int size = 16 + random.nextInt(1009);
                long handle = arena.tryAllocate(size);
                if (allocated + size <= capacity - arena.wasteBound()) {
                    assertThat(handle).as("%d + %d bytes in %s", allocated, size, name).isNotNegative();
                } else if (allocated + size > capacity) {
                    assertThat(handle).isEqualTo(EpochArena.OUT_OF_MEMORY);
                }
                if (handle == EpochArena.OUT_OF_MEMORY) {
                    break;
                }
                allocated += size;
            }
            assertThat(arena.wasteBound()).isLessThanOrEqualTo(capacity / 50);
            arena.reclaim();
            assertThat(arena.usedBytes()).isZero();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("designs")
    void pinsHoldTheirEpochAndTheLaterOnes(String name, IntFunction<EpochArena> factory) throws Exception {
        EpochArena arena = factory.apply(8192);
        long old = arena.allocate(64);
        CountDownLatch pinned = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Thread holder = new Thread(() -> {
            try (EpochArena.Guard outer = arena.pin(); EpochArena.Guard inner = arena.pin()) {
                assertThat(inner.epoch()).isEqualTo(outer.epoch());
                pinned.countDown();
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        holder.start();
        pinned.await();
        long mine = arena.allocate(64);
        assertThat(arena.reclaim()).isEqualTo(2);
        assertThat(arena.reclaim()).isEqualTo(3);
        assertThat(arena.isLive(old)).isTrue();
        assertThat(arena.isLive(mine)).isTrue();
        assertThat(arena.usedBytes()).isEqualTo(128);
        while (arena.tryAllocate(1024) != EpochArena.OUT_OF_MEMORY) {
            assertThat(arena.usedBytes()).isLessThanOrEqualTo(8192);
        }
        assertThatThrownBy(() -> arena.allocate(1024)).isInstanceOf(ArenaOutOfMemoryException.class)
                .hasMessageStartingWith("Out of memory").hasMessageContaining("oldest pinned epoch 1");
        release.countDown();
        holder.join();
        assertThat(arena.isLive(old)).as("releasing a pin frees nothing by itself").isTrue();
        arena.reclaim();
        assertThat(arena.isLive(old)).isFalse();
        assertThat(arena.usedBytes()).isZero();
        assertThatThrownBy(() -> arena.getByte(old, 0)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("reclaimed");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("designs")
    void aThreadThatDiesPinnedHoldsNothingBack(String name, IntFunction<EpochArena> factory) throws Exception {
        EpochArena arena = factory.apply(4096);
        long block = arena.allocate(32);
        Thread dying = new Thread(() -> {
            arena.pin();
            throw new IllegalStateException("dies while pinned");
        });
        dying.setUncaughtExceptionHandler((t, e) -> { });
        dying.start();
        dying.join();
        arena.reclaim();
        assertThat(arena.isLive(block)).isFalse();
        assertThat(arena.usedBytes()).isZero();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("designs")
    void guardsCloseOnlyOnTheirThreadInnermostFirst(String name, IntFunction<EpochArena> factory) throws Exception {
        EpochArena arena = factory.apply(4096);
        EpochArena.Guard outer = arena.pin();
        EpochArena.Guard inner = arena.pin();
        assertThatThrownBy(outer::close).isInstanceOf(IllegalStateException.class);
        AtomicReference<Throwable> foreign = new AtomicReference<>();
        Thread other = new Thread(() -> {
            try {
                inner.close();
            } catch (Throwable e) {
                foreign.set(e);
            }
        });
        other.start();
        other.join();
        assertThat(foreign.get()).isInstanceOf(IllegalStateException.class);
        long block = arena.allocate(16);
        arena.reclaim();
        assertThat(arena.isLive(block)).as("still pinned after the refused closes").isTrue();
        inner.close();
        inner.close();
        outer.close();
        outer.close();
        arena.reclaim();
        assertThat(arena.isLive(block)).isFalse();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("designs")
    void rejectsBadInputChangingNothing(String name, IntFunction<EpochArena> factory) {
        assertThatThrownBy(() -> factory.apply(15)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("15").hasMessageContaining("16");
        EpochArena arena = factory.apply(4096);
        assertThatThrownBy(() -> arena.tryAllocate(1025)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("1025").hasMessageContaining("1024");
        assertThatThrownBy(() -> arena.allocate(15)).isInstanceOf(IllegalArgumentException.class);
        assertThat(arena.usedBytes()).isZero();
        long block = arena.allocate(16);
        assertThatThrownBy(() -> arena.getByte(block, 16)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> arena.putLong(block, 9, 1L)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> arena.getByte(block + 1, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> arena.getByte(-5, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThat(arena.isLive(Long.MAX_VALUE)).isFalse();
        arena.putLong(block, 8, 0x0102030405060708L);
        assertThat(arena.getLong(block, 8)).isEqualTo(0x0102030405060708L);
        arena.close();
        arena.close();
        assertThatThrownBy(arena::epoch).isInstanceOf(IllegalStateException.class).hasMessage("arena is closed");
        assertThatThrownBy(arena::capacity).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(arena::usedBytes).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(arena::reclaim).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> arena.tryAllocate(16)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> arena.getLong(block, 8)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(arena::pin).isInstanceOf(IllegalStateException.class);
    }

    /**
     * Threads pin, allocate mixed sizes, stamp each block with a canary derived from its handle,
     * verify every canary, unpin; one thread reclaims throughout. A pinned block must never be
     * freed or overwritten, and after a final reclaim nothing is left.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("designs")
    void pinnedBlocksKeepTheirCanariesWhileAnotherThreadReclaims(String name, IntFunction<EpochArena> factory)
            throws Exception {
        EpochArena arena = factory.apply(1 << 20);
        int workers = 16;
        AtomicBoolean done = new AtomicBoolean();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        AtomicLong placed = new AtomicLong();
        AtomicLong reclaims = new AtomicLong();
        Thread reclaimer = new Thread(() -> {
            while (!done.get()) {
                arena.reclaim();
                reclaims.incrementAndGet();
                Thread.yield();
            }
        });
        List<Thread> threads = new ArrayList<>();
        for (int w = 0; w < workers; w++) {
            int seed = w;
            threads.add(new Thread(() -> {
                SplittableRandom random = new SplittableRandom(seed);
                long[] handles = new long[32];
                try {
                    for (int round = 0; round < 400; round++) {
                        try (EpochArena.Guard guard = arena.pin()) {
                            int count = 1 + random.nextInt(handles.length);
                            int made = 0;
                            for (int i = 0; i < count; i++) {
                                int size = 16 + random.nextInt(1009);
                                long handle = arena.tryAllocate(size);
                                if (handle == EpochArena.OUT_OF_MEMORY) {
                                    continue;
                                }
                                assertThat(arena.epochOf(handle)).isGreaterThanOrEqualTo(guard.epoch());
                                arena.putLong(handle, 0, handle);
                                arena.putLong(handle, size - 8, ~handle);
                                if (size >= 24) {   // the middle byte clear of both longs
                                    arena.putByte(handle, size / 2, (byte) handle);
                                }
                                handles[made++] = handle;
                            }
                            placed.addAndGet(made);
                            Thread.yield();
                            for (int i = 0; i < made; i++) {
                                long handle = handles[i];
                                int size = arena.sizeOf(handle);
                                assertThat(arena.getLong(handle, 0)).isEqualTo(handle);
                                assertThat(arena.getLong(handle, size - 8)).isEqualTo(~handle);
                                if (size >= 24) {
                                    assertThat(arena.getByte(handle, size / 2)).isEqualTo((byte) handle);
                                }
                            }
                        }
                    }
                } catch (Throwable e) {
                    failure.compareAndSet(null, e);
                }
            }));
        }
        reclaimer.start();
        threads.forEach(Thread::start);
        for (Thread thread : threads) {
            thread.join();
        }
        done.set(true);
        reclaimer.join();
        assertThat(failure.get()).as("first failure").isNull();
        assertThat(placed.get()).isPositive();
        arena.reclaim();
        assertThat(arena.usedBytes()).isZero();
    }

    private static long onThread(java.util.concurrent.Callable<Long> body) throws Exception {
        AtomicReference<Object> result = new AtomicReference<>();
        Thread thread = new Thread(() -> {
            try {
                result.set(body.call());
            } catch (Throwable e) {
                result.set(e);
            }
        });
        thread.start();
        thread.join();
        if (result.get() instanceof Throwable) {
            throw new AssertionError("thread failed", (Throwable) result.get());
        }
        return (Long) result.get();
    }
}
