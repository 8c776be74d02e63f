package org.epocharena.bench.workload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.epocharena.ArenaKind;
import org.epocharena.EpochArena;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every design, driven through the harnesses' adapter, obeys the epoch workload: blocks belong to the
 * epoch they were allocated in, ending the epoch frees the previous one unless pinned, blocks never
 * overlap (canaries survive), and a full arena is a return value, never an exception.
 */
class ArenaAllocatorTest {

    @ParameterizedTest
    @EnumSource(ArenaKind.class)
    void endingTheEpochFreesThePreviousEpochsBlocks(ArenaKind kind) {
        try (ArenaAllocator a = new ArenaAllocator(kind.create(1 << 16))) {
            EpochArena arena = a.arena();
            List<Long> first = allocate(a, 20);
            assertThat(first).allSatisfy(b -> assertThat(arena.epochOf(b)).isEqualTo(1));
            assertThat(a.endEpoch()).isEqualTo(2);
            assertThat(first).allSatisfy(b -> assertThat(arena.isLive(b)).as("block %d of epoch 1", b).isFalse());
            List<Long> second = allocate(a, 20);
            assertThat(second).allSatisfy(b -> assertThat(arena.epochOf(b)).isEqualTo(2));
        }
    }

    @ParameterizedTest
    @EnumSource(ArenaKind.class)
    void aPinKeepsItsEpochAcrossReclaimAndCanariesStayIntact(ArenaKind kind) {
        try (ArenaAllocator a = new ArenaAllocator(kind.create(1 << 16))) {
            EpochArena arena = a.arena();
            EpochArena.Guard guard = a.pin();
            List<Long> pinned = allocate(a, 30);
            writeCanaries(arena, pinned);
            a.endEpoch();
            a.endEpoch();
            List<Long> later = allocate(a, 30);
            writeCanaries(arena, later);
            assertThat(pinned).allSatisfy(b -> assertThat(arena.isLive(b)).isTrue());
            checkCanaries(arena, pinned);
            checkCanaries(arena, later);
            guard.close();
            a.endEpoch();
            assertThat(pinned).allSatisfy(b -> assertThat(arena.isLive(b)).isFalse());
        }
    }

    @ParameterizedTest
    @EnumSource(ArenaKind.class)
    void touchWritesAndReadsBothEndsOfTheBlock(ArenaKind kind) {
        try (ArenaAllocator a = new ArenaAllocator(kind.create(1 << 16))) {
            for (int size : new int[] {16, 17, 64, 1000, 1024}) {
                long b = a.allocate(size);
                assertThat(a.touch(b)).as("size %d", size).isEqualTo(-1L);
                assertThat(a.arena().getLong(b, 0)).isEqualTo(b);
                assertThat(a.arena().getLong(b, a.arena().sizeOf(b) - Long.BYTES)).isEqualTo(~b);
            }
        }
    }

    @ParameterizedTest
    @EnumSource(ArenaKind.class)
    void aFullArenaReturnsFailedAndNeverThrows(ArenaKind kind) {
        try (ArenaAllocator a = new ArenaAllocator(kind.create(4096))) {
            int placed = 0;
            while (a.allocate(64) != EpochAllocator.FAILED) {
                placed++;
                assertThat(placed).as("more blocks than fit in 4096 bytes").isLessThanOrEqualTo(4096 / 64);
            }
            assertThat(a.allocate(64)).isEqualTo(EpochAllocator.FAILED);
            a.endEpoch();
            assertThat(a.allocate(64)).as("reclaim made room").isNotEqualTo(EpochAllocator.FAILED);
        }
    }

    @ParameterizedTest
    @EnumSource(ArenaKind.class)
    void oneAllocatorServesEveryThreadAndCloseClosesTheArena(ArenaKind kind) {
        ArenaAllocator a = new ArenaAllocator(kind.create(4096));
        assertThat(a.sharedAcrossThreads()).isTrue();
        a.close();
        assertThatThrownBy(() -> a.allocate(16)).isInstanceOf(IllegalStateException.class);
    }

    private static List<Long> allocate(EpochAllocator a, int n) {
        List<Long> blocks = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            long b = a.allocate(16 + (i * 37) % 200);
            assertThat(b).isNotEqualTo(EpochAllocator.FAILED);
            blocks.add(b);
        }
        return blocks;
    }

    private static void writeCanaries(EpochArena arena, List<Long> blocks) {
        for (long b : blocks) {
            int size = arena.sizeOf(b);
            for (int off = 0; off + Long.BYTES <= size; off += Long.BYTES) {
                arena.putLong(b, off, b * 31 + off);
            }
        }
    }

    private static void checkCanaries(EpochArena arena, List<Long> blocks) {
        for (long b : blocks) {
            int size = arena.sizeOf(b);
            for (int off = 0; off + Long.BYTES <= size; off += Long.BYTES) {
                assertThat(arena.getLong(b, off)).as("block %d offset %d", b, off).isEqualTo(b * 31 + off);
            }
        }
    }
}
