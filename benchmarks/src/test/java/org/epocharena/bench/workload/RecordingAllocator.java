package org.epocharena.bench.workload;

import java.util.ArrayList;
import java.util.List;
import org.epocharena.EpochArena;

/** Wraps an allocator and records what a workload asked of it, to check the workload's shape. */
final class RecordingAllocator implements EpochAllocator {
    final EpochAllocator inner;
    final List<Integer> sizes = new ArrayList<>();
    int pins;
    int openPins;
    int pinnedAllocations;
    int touches;
    int epochsEnded;
    long failures;

    RecordingAllocator(EpochAllocator inner) {
        this.inner = inner;
    }

    @Override
    public long allocate(int size) {
        sizes.add(size);
        if (openPins > 0) {
            pinnedAllocations++;
        }
        long block = inner.allocate(size);
        if (block == FAILED) {
            failures++;
        }
        return block;
    }

    @Override
    public long touch(long block) {
        touches++;
        return inner.touch(block);
    }

    @Override
    public EpochArena.Guard pin() {
        EpochArena.Guard guard = inner.pin();
        pins++;
        openPins++;
        return new EpochArena.Guard() {
            private boolean closed;

            @Override
            public long epoch() {
                return guard.epoch();
            }

            @Override
            public void close() {
                if (!closed) {
                    closed = true;
                    openPins--;
                    guard.close();
                }
            }
        };
    }

    @Override
    public long endEpoch() {
        epochsEnded++;
        return inner.endEpoch();
    }

    @Override
    public boolean sharedAcrossThreads() {
        return inner.sharedAcrossThreads();
    }

    @Override
    public void close() {
        inner.close();
    }
}
