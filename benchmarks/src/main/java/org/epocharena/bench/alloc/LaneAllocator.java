package org.epocharena.bench.alloc;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A baseline as an {@link Allocator}: the epoch is one shared counter, as an arena's is, and each
 * thread's {@link BaselineLane} holds the blocks it allocated in the current epoch and lets go of all
 * of them the first time it allocates after the epoch ended. So every allocator sees the same epochs
 * and the same live set: the blocks allocated since the last epoch end. (A thread descheduled across
 * an epoch end keeps its blocks a little longer than an arena would; the stalled-thread harness
 * measures exactly that difference.)
 */
abstract class LaneAllocator implements Allocator {
    private volatile long epoch = 1;
    private final List<BaselineLane<?>> lanes = new CopyOnWriteArrayList<>();

    long epoch() {
        return epoch;
    }

    @Override
    public final Lane lane() {
        BaselineLane<?> lane = newLane();
        lanes.add(lane);
        return lane;
    }

    abstract BaselineLane<?> newLane();

    @Override
    public synchronized void endEpoch() {
        epochEnding();
        epoch = epoch + 1;
    }

    /** Called under the epoch lock just before the epoch number moves (FFM's shared arena closes here). */
    void epochEnding() {
    }

    /** The bytes of the blocks every lane still holds (racy sum of per-lane counters). */
    @Override
    public long heldBytes() {
        long sum = 0;
        for (BaselineLane<?> lane : lanes) {
            sum += lane.liveBytes();
        }
        return sum;
    }

    @Override
    public void close() {
        for (BaselineLane<?> lane : lanes) {
            lane.release();
        }
        lanes.clear();
    }
}
