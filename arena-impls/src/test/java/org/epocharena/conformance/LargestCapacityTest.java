package org.epocharena.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.epocharena.ArenaKind;
import org.epocharena.ArenaLimits;
import org.epocharena.EpochArena;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Contract rule 7 at its upper bound: an arena of {@code Integer.MAX_VALUE - 8} bytes filled with
 * 1024-byte blocks has 1015 bytes left, so the next 1024-byte block must fail and a 1015-byte
 * block must fit exactly at the end, with usedBytes equal to the capacity (a wrong {@code int} sum
 * places it past the pool). A pool this size takes 2 GiB of heap plus the block table, so the test
 * runs only on a JVM allowed at least 4 GiB and is skipped (not failed) elsewhere; the ring's own
 * test covers the arithmetic without the memory. Only the heap-free designs: the reference design
 * keeps an object per block (two million here), and its sums are {@code long} or gaps of the pool.
 */
class LargestCapacityTest {
    private static final long NEEDED_HEAP = 4L << 30;

    @ParameterizedTest
    @MethodSource("org.epocharena.Kinds#heapFree")
    void fillsToTheLastByteAndNeverPastIt(ArenaKind kind) {
        assumeTrue(Runtime.getRuntime().maxMemory() >= NEEDED_HEAP, "needs -Xmx4g or more");
        int capacity = ArenaLimits.MAX_CAPACITY;
        try (EpochArena arena = kind.create(capacity)) {
            long allocated = 0;
            long handle;
            long last = EpochArena.OUT_OF_MEMORY;
            while ((handle = arena.tryAllocate(1024)) != EpochArena.OUT_OF_MEMORY) {
                allocated += 1024;
                last = handle;
            }
            assertThat(allocated).as("%s filled", kind).isBetween(capacity - arena.wasteBound() - 1023, (long) capacity);
            assertThat(arena.usedBytes()).as("%s usedBytes", kind).isBetween(allocated, (long) capacity);
            arena.putByte(last, 1023, (byte) 7);
            assertThat(arena.getByte(last, 1023)).isEqualTo((byte) 7);
            if (arena.wasteBound() == 0) {
                assertThat(capacity - allocated).isEqualTo(1015);
                long tail = arena.allocate(1015);
                arena.putByte(tail, 1014, (byte) 9);
                assertThat(arena.getByte(tail, 1014)).isEqualTo((byte) 9);
                assertThat(arena.usedBytes()).isEqualTo(capacity);
                assertThat(arena.tryAllocate(16)).isEqualTo(EpochArena.OUT_OF_MEMORY);
            }
            arena.reclaim();
            assertThat(arena.usedBytes()).isZero();
        }
    }
}
