package org.epocharena.chunks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.epocharena.ArenaKind;
import org.epocharena.EpochArena;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The per-thread chunk design's own promises beyond the conformance suite: its default chunking,
 * budget and waste bound, chunks of threads that ended and of idle threads, the shared chunk past
 * the budget, and bad chunkings rejected with the value and the bound.
 */
class ThreadChunkArenaTest {
    private static final int KIB = 1024;

    @Test
    void kindCreatesThisDesign() {
        assertThat(ArenaKind.THREAD_CHUNKS.create(64)).isInstanceOf(ThreadChunkArena.class);
        assertThat(ArenaKind.THREAD_CHUNKS.create(64 * KIB, 4)).isInstanceOf(ThreadChunkArena.class);
    }

    @ParameterizedTest
    @ValueSource(ints = {16, 100, 2047, 2048, 4096, 64 * KIB, 256 * KIB, 1 << 20, 32 << 20, Integer.MAX_VALUE - 8})
    void defaultChunkingKeepsTheDocumentedWasteBound(int capacity) {
        ThreadChunkArena arena = new ThreadChunkArena(capacity);
        if (capacity < 2 * KIB) {
            assertThat(arena.chunks()).isEqualTo(1);
            assertThat(arena.budget()).isZero();
            assertThat(arena.wasteBound()).isZero();
        } else {
            assertThat(arena.chunkSize()).isBetween(KIB, ThreadChunkArena.MAX_CHUNK);
            assertThat(arena.budget()).isEqualTo(capacity / 16 / arena.chunkSize());
            assertThat(arena.wasteBound()).isEqualTo((arena.chunks() - 1L) * 1023 + (long) arena.budget() * arena.chunkSize());
        }
        if (capacity >= 256 * KIB) {
            assertThat(arena.chunkSize()).isEqualTo(ThreadChunkArena.MAX_CHUNK);
            assertThat(arena.wasteBound()).isLessThanOrEqualTo(capacity / 8);
        }
        arena.close();
    }

    @Test
    void badChunkingsAreRejectedNamingTheValueAndTheBound() {
        for (int chunks : new int[] {0, -1, 65}) {
            assertThatThrownBy(() -> new ThreadChunkArena(1024, chunks)).as("chunks %d", chunks)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining(String.valueOf(chunks)).hasMessageContaining("64");
        }
    }

    /** Four 16 KiB chunks, two of which threads may hold: 64 blocks of 1 KiB fill the pool exactly. */
    private static ThreadChunkArena fourChunks() {
        ThreadChunkArena arena = new ThreadChunkArena(64 * KIB, 4);
        assertThat(arena.chunkSize()).isEqualTo(16 * KIB);
        assertThat(arena.budget()).isEqualTo(2);
        return arena;
    }

    private static int fill(EpochArena arena) {
        int blocks = 0;
        while (arena.tryAllocate(KIB) != EpochArena.OUT_OF_MEMORY) {
            blocks++;
        }
        return blocks;
    }

    @Test
    void aThreadThatEndsOwningAChunkLeavesItToTheNextReclaim() throws Exception {
        try (ThreadChunkArena arena = fourChunks()) {
            AtomicLong handle = new AtomicLong();
            Thread owner = new Thread(() -> handle.set(arena.allocate(64)));
            owner.start();
            owner.join();
            assertThat(arena.isLive(handle.get())).isTrue();
            arena.reclaim();
            assertThat(arena.isLive(handle.get())).isFalse();
            // Its chunk is reused: the whole pool, all four chunks, is this thread's again.
            assertThat(fill(arena)).isEqualTo(64);
            assertThat(arena.usedBytes()).isEqualTo(64 * KIB);
        }
    }

    @Test
    void anIdleThreadKeepsItsChunkUntilItAllocatesAgain_itsBlocksStillFreeOnTime() throws Exception {
        try (ThreadChunkArena arena = fourChunks()) {
            CountDownLatch allocated = new CountDownLatch(1);
            CountDownLatch again = new CountDownLatch(1);
            CountDownLatch done = new CountDownLatch(1);
            AtomicLong first = new AtomicLong();
            AtomicReference<Throwable> failure = new AtomicReference<>();
            Thread idle = new Thread(() -> {
                try {
                    first.set(arena.allocate(64));
                    allocated.countDown();
                    again.await();
                    arena.allocate(64);   // lets go of the old chunk, claims a fresh one
                } catch (Throwable e) {
                    failure.set(e);
                } finally {
                    done.countDown();
                }
            });
            idle.start();
            allocated.await();
            arena.reclaim();
            assertThat(arena.isLive(first.get())).as("freed by the reclaim though its chunk is held").isFalse();
            assertThat(arena.usedBytes()).isZero();
            assertThat(fill(arena)).as("three chunks; the idle thread's is not reused under it").isEqualTo(48);
            arena.reclaim();
            again.countDown();
            done.await();
            assertThat(failure.get()).isNull();
            arena.reclaim();
            idle.join();
            assertThat(fill(arena)).as("everything once the thread let go and ended").isEqualTo(64);
        }
    }

    @Test
    void threadsPastTheBudgetShareOneChunk() throws Exception {
        try (ThreadChunkArena arena = fourChunks()) {
            List<Thread> threads = new ArrayList<>();
            CountDownLatch release = new CountDownLatch(1);
            CountDownLatch allocated = new CountDownLatch(5);
            List<Long> handles = java.util.Collections.synchronizedList(new ArrayList<>());
            for (int t = 0; t < 5; t++) {
                Thread thread = new Thread(() -> {
                    handles.add(arena.allocate(100));
                    allocated.countDown();
                    try {
                        release.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                });
                thread.start();
                threads.add(thread);
            }
            allocated.await();
            // Two threads hold a chunk each; the other three placed their blocks in the shared one.
            assertThat(arena.usedBytes()).isEqualTo(3 * 16 * KIB);
            assertThat(handles).hasSize(5).allMatch(arena::isLive);
            release.countDown();
            for (Thread thread : threads) {
                thread.join();
            }
        }
    }
}
