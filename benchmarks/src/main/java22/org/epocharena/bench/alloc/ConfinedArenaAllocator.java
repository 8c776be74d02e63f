package org.epocharena.bench.alloc;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SegmentAllocator;
import java.lang.foreign.ValueLayout;

/**
 * {@link Baseline#FFM_CONFINED} (JDK 22+): each thread owns an {@code Arena.ofConfined()} with one
 * slab of {@value #SLAB} bytes, and bump-allocates blocks in it through
 * {@code SegmentAllocator.slicingAllocator}; the epoch's end starts a new slicing allocator over the
 * same slab (the blocks are gone, nothing is freed one by one). A full slab is a failed allocation,
 * as a full arena is. The confined arena is closed when its thread releases the lane (only its own
 * thread may close it). Held bytes: the blocks the threads still reference.
 */
final class ConfinedArenaAllocator extends LaneAllocator {
    /** Room for one thread's blocks of an epoch in every harness (64 operations x 4 blocks x 1 KiB at most). */
    static final int SLAB = 256 << 10;
    private static final ValueLayout.OfLong LONG = ValueLayout.JAVA_LONG_UNALIGNED;

    @Override
    BaselineLane<?> newLane() {
        Thread ownerThread = Thread.currentThread();
        Arena arena = Arena.ofConfined();
        MemorySegment slab = arena.allocate(SLAB, Long.BYTES);
        return new BaselineLane<MemorySegment>(this) {
            private SegmentAllocator slicer = SegmentAllocator.slicingAllocator(slab);
            private boolean fresh = true;

            @Override
            MemorySegment newBlock(int size) {
                fresh = false;
                try {
                    return slicer.allocate(size);
                } catch (IndexOutOfBoundsException full) {
                    return null;
                }
            }

            @Override
            void free(MemorySegment block) {
                if (!fresh) {
                    slicer = SegmentAllocator.slicingAllocator(slab);
                    fresh = true;
                }
            }

            @Override
            void putLong(MemorySegment block, int offset, long value) {
                block.set(LONG, offset, value);
            }

            @Override
            long getLong(MemorySegment block, int offset) {
                return block.get(LONG, offset);
            }

            @Override
            public void release() {
                super.release();
                if (Thread.currentThread() == ownerThread && arena.scope().isAlive()) {
                    arena.close();
                }
            }
        };
    }
}
