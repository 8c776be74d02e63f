package org.epocharena.bench.alloc;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * {@link Baseline#FFM_SHARED} (JDK 22+): one {@code Arena.ofShared()} per epoch, every thread
 * allocating its blocks from it; the epoch's end closes it, freeing every block at once. The close of
 * a shared arena is a handshake with every thread, which is the cost users of shared arenas worry
 * about. A thread still using a block of a closed arena gets {@code IllegalStateException} (what an
 * unpinned arena user risks too): allocation then retries in the new epoch's arena, and an access to
 * a closed block is skipped (counted as 0). Held bytes: the blocks the threads still reference.
 */
final class SharedArenaAllocator extends LaneAllocator {
    private static final ValueLayout.OfLong LONG = ValueLayout.JAVA_LONG_UNALIGNED;
    private volatile Arena current = Arena.ofShared();

    @Override
    void epochEnding() {
        Arena old = current;
        current = Arena.ofShared();
        old.close();
    }

    @Override
    public void close() {
        super.close();
        synchronized (this) {
            current.close();
        }
    }

    @Override
    BaselineLane<?> newLane() {
        return new BaselineLane<MemorySegment>(this) {
            @Override
            MemorySegment newBlock(int size) {
                for (int attempt = 0; attempt < 100; attempt++) {
                    try {
                        return current.allocate(size);
                    } catch (IllegalStateException closedMeanwhile) {
                        // the epoch ended between reading current and allocating: take the new arena
                    }
                }
                return null;
            }

            @Override
            void free(MemorySegment block) {
                // freed with its epoch's arena
            }

            @Override
            void putLong(MemorySegment block, int offset, long value) {
                try {
                    block.set(LONG, offset, value);
                } catch (IllegalStateException closed) {
                    // its epoch's arena was closed under this thread
                }
            }

            @Override
            long getLong(MemorySegment block, int offset) {
                try {
                    return block.get(LONG, offset);
                } catch (IllegalStateException closed) {
                    return 0;
                }
            }
        };
    }
}
