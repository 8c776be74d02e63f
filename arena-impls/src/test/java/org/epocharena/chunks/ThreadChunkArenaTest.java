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
 * budget, lanes and waste bound, chunks that live across epochs, chunks of threads that ended and of
 * idle threads, the lanes past the budget, the free bytes it reports, and bad chunkings rejected with
 * the value and the bound.
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
        assertThat(arena.lanes()).isBetween(1, 4);
        if (capacity < 2 * KIB) {
            assertThat(arena.chunks()).isEqualTo(1);
            assertThat(arena.budget()).isZero();
            assertThat(arena.wasteBound()).isZero();
        } else {
            assertThat(arena.chunkSize()).isBetween(KIB, ThreadChunkArena.MAX_CHUNK);
            int holders = Math.max(1, capacity / 16 / arena.chunkSize());
            assertThat(arena.budget() + arena.lanes()).isEqualTo(Math.max(holders, arena.lanes()));
            assertThat(arena.wasteBound()).isEqualTo((arena.chunks() - 1L) * 1023
                    + (long) (arena.budget() + arena.lanes()) * arena.chunkSize());
        }
        if (capacity >= 256 * KIB) {
            assertThat(arena.chunkSize()).isEqualTo(ThreadChunkArena.MAX_CHUNK);
            assertThat(arena.wasteBound()).isLessThanOrEqualTo(capacity / 8);
        }
        if (capacity == 32 << 20) {
            assertThat(arena.budget()).as("the throughput harness's pool").isEqualTo(124);
            assertThat(arena.lanes()).isEqualTo(4);
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

    /** Four 16 KiB chunks: one thread may hold one, one lane serves the rest; 64 blocks of 1 KiB fill the pool. */
    private static ThreadChunkArena fourChunks() {
        ThreadChunkArena arena = new ThreadChunkArena(64 * KIB, 4);
        assertThat(arena.chunkSize()).isEqualTo(16 * KIB);
        assertThat(arena.budget()).isEqualTo(1);
        assertThat(arena.lanes()).isEqualTo(1);
        return arena;
    }

    private static int fill(EpochArena arena) {
        int blocks = 0;
        while (arena.tryAllocate(KIB) != EpochArena.OUT_OF_MEMORY) {
            blocks++;
        }
        return blocks;
    }

    private static void onOtherThread(Runnable task) throws InterruptedException {
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread thread = new Thread(() -> {
            try {
                task.run();
            } catch (Throwable e) {
                failure.set(e);
            }
        });
        thread.start();
        thread.join();
        assertThat(failure.get()).isNull();
    }

    @Test
    void aChunkLivesAcrossEpochs_andStartsOverOnceEverythingInItIsFreed() {
        try (ThreadChunkArena arena = fourChunks()) {
            long first = arena.allocate(100);
            try (EpochArena.Guard pin = arena.pin()) {
                arena.reclaim();
                long second = arena.allocate(100);
                assertThat(arena.epochOf(second)).isEqualTo(2);
                assertThat(arena.usedBytes()).as("one chunk, bumped on across the epoch").isEqualTo(200);
                assertThat(arena.isLive(first)).isTrue();
            }
            arena.reclaim();
            assertThat(arena.usedBytes()).isZero();
            arena.allocate(64);
            assertThat(arena.usedBytes()).as("everything in the chunk was freed: it starts again").isEqualTo(64);
            assertThat(fill(arena)).as("no chunk was lost on the way").isEqualTo(63);
        }
    }

    @Test
    void aThreadThatEndsOwningAChunkLeavesItToTheNextReclaim_andItsBudgetUnitComesBack() throws Exception {
        try (ThreadChunkArena arena = fourChunks()) {
            AtomicLong handle = new AtomicLong();
            onOtherThread(() -> handle.set(arena.allocate(64)));
            assertThat(arena.isLive(handle.get())).isTrue();
            arena.reclaim();
            assertThat(arena.isLive(handle.get())).isFalse();
            // The main thread finds the budget taken and fills through the lane, which takes back the ended
            // thread's chunk on the way: the whole pool.
            assertThat(fill(arena)).isEqualTo(64);
            assertThat(arena.usedBytes()).isEqualTo(64 * KIB);
            arena.reclaim();
            // The unit came back with the chunk: a new thread holds a chunk of its own again.
            onOtherThread(() -> arena.allocate(100));
            onOtherThread(() -> arena.allocate(200));
            assertThat(arena.usedBytes()).as("one held chunk up to 100 bytes, the lane's up to 200").isEqualTo(300);
        }
    }

    @Test
    void anIdleThreadKeepsItsChunk_itsBlocksStillFreeOnTime() throws Exception {
        try (ThreadChunkArena arena = fourChunks()) {
            CountDownLatch allocated = new CountDownLatch(1);
            CountDownLatch again = new CountDownLatch(1);
            CountDownLatch done = new CountDownLatch(1);
            AtomicLong first = new AtomicLong();
            AtomicLong second = new AtomicLong();
            AtomicReference<Throwable> failure = new AtomicReference<>();
            Thread idle = new Thread(() -> {
                try {
                    first.set(arena.allocate(64));
                    allocated.countDown();
                    again.await();
                    second.set(arena.allocate(64));
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
            assertThat(arena.isLive(second.get())).isTrue();
            arena.reclaim();
            idle.join();
            assertThat(fill(arena)).as("everything once the thread ended").isEqualTo(64);
        }
    }

    @Test
    void threadsPastTheBudgetShareALane() throws Exception {
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
            // One thread holds a chunk; the other four placed their blocks one after another in the lane's.
            assertThat(arena.usedBytes()).isEqualTo(500);
            assertThat(handles).hasSize(5).allMatch(arena::isLive);
            assertThat(fill(arena)).as("two chunks left, and the lane's 15 KiB after its four blocks").isEqualTo(32 + 15);
            release.countDown();
            for (Thread thread : threads) {
                thread.join();
            }
        }
    }

    @Test
    void theOutOfMemoryMessageCountsTheHeldChunksTailAsFree() {
        try (ThreadChunkArena arena = fourChunks()) {
            // 16 blocks of 1000 bytes per chunk, 384 bytes of tail each; the last chunk stays held.
            int placed = 0;
            while (arena.tryAllocate(1000) != EpochArena.OUT_OF_MEMORY) {
                placed++;
            }
            assertThat(placed).isEqualTo(64);
            assertThat(arena.usedBytes()).isEqualTo(64 * KIB - 384);
            assertThatThrownBy(() -> arena.allocate(1000)).hasMessageContaining("384 bytes free of capacity 65536");
        }
    }

    /**
     * Rule 4: threads that ended hold nothing back. Ten thousand threads that each allocate once and
     * end, one after another with a reclaim between them, must not spend the budget's units: the next
     * thread holds a chunk of its own, as on a fresh arena, not a place on a shared lane.
     */
    @Test
    void unitsOfThreadsThatAllocatedOnceAndEndedComeBack_theNextThreadHoldsAChunk() throws Exception {
        try (ThreadChunkArena arena = new ThreadChunkArena(1 << 20, 64)) {
            assertThat(arena.budget()).isEqualTo(28);
            for (int t = 0; t < 10_000; t++) {
                onOtherThread(() -> assertThat(arena.tryAllocate(64)).isNotEqualTo(EpochArena.OUT_OF_MEMORY));
                arena.reclaim();
            }
            AtomicReference<Boolean> holds = new AtomicReference<>();
            onOtherThread(() -> {
                arena.tryAllocate(64);
                holds.set(arena.holdsAChunkHere());
            });
            assertThat(holds.get()).as("the 10 001st thread bumps in a chunk of its own").isTrue();
            assertThat(arena.heldUnits()).as("units taken, of %d", arena.budget()).isLessThanOrEqualTo(arena.budget());
        }
    }

    /**
     * A failed chunk scan remembers that nothing was claimable, so failures stay cheap; a holder that
     * ends can make its chunk claimable without a release or a reclaim, and the next attempt must see it.
     */
    @Test
    void aChunkOfAHolderThatEndedIsClaimableAtOnce_evenAfterAFailedScan() throws Exception {
        try (ThreadChunkArena arena = fourChunks()) {
            CountDownLatch allocated = new CountDownLatch(1);
            CountDownLatch end = new CountDownLatch(1);
            Thread holder = new Thread(() -> {
                arena.allocate(64);
                allocated.countDown();
                try {
                    end.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            holder.start();
            allocated.await();
            arena.reclaim();   // the holder's chunk: every block dead, still held
            assertThat(fill(arena)).as("the three chunks nobody holds").isEqualTo(48);
            assertThat(arena.tryAllocate(KIB)).as("a failure the scan remembers").isEqualTo(EpochArena.OUT_OF_MEMORY);
            end.countDown();
            holder.join();
            assertThat(arena.tryAllocate(KIB)).as("the ended holder's chunk, with no reclaim in between")
                    .isNotEqualTo(EpochArena.OUT_OF_MEMORY);
            assertThat(fill(arena)).isEqualTo(15);
        }
    }
}
