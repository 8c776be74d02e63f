package org.epocharena.bench.workload;

import java.util.ArrayList;
import java.util.List;
import org.epocharena.bench.alloc.Lane;

/** Wraps a lane and records what a workload asked of it, to check the workload's shape and its equality. */
final class RecordingLane implements Lane {
    final Lane inner;
    final List<String> calls = new ArrayList<>();
    int pins;
    int openPins;
    int pinnedAllocations;
    int epochsEnded;
    long bytesWritten;
    long bytesRead;
    long failures;

    RecordingLane(Lane inner) {
        this.inner = inner;
    }

    @Override
    public long allocate(int size) {
        calls.add("allocate " + size);
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
    public void putLong(long block, int offset, long value) {
        calls.add("put " + offset);
        bytesWritten += Long.BYTES;
        inner.putLong(block, offset, value);
    }

    @Override
    public long getLong(long block, int offset) {
        calls.add("get " + offset);
        bytesRead += Long.BYTES;
        return inner.getLong(block, offset);
    }

    @Override
    public long pin() {
        long stamp = inner.pin();
        calls.add("pin");
        pins++;
        openPins++;
        return stamp;
    }

    @Override
    public void unpin(long stamp) {
        calls.add("unpin");
        openPins--;
        inner.unpin(stamp);
    }

    @Override
    public void endEpoch() {
        calls.add("endEpoch");
        epochsEnded++;
        inner.endEpoch();
    }

    @Override
    public void release() {
        inner.release();
    }
}
