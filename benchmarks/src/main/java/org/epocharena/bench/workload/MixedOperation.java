package org.epocharena.bench.workload;

import java.util.function.BooleanSupplier;
import org.epocharena.bench.alloc.Lane;

/**
 * One operation of the realistic epoch workload, the same for every allocator: pin, allocate
 * {@value #BLOCKS} blocks of mixed sizes, {@link Touch} each (16 bytes written and read back), unpin;
 * and every {@code epochOps} completed operations of this thread, end the allocator's epoch (0: never,
 * a dedicated reclaimer does it). If a block cannot be placed the attempt is abandoned (its pin
 * released, so it holds nothing back), the thread reacts per {@link OnFull} and retries; the operation
 * counts once, when it completes. Single-threaded: each worker or JMH thread owns one.
 */
public final class MixedOperation {
    /** Blocks per operation: "a few", so one operation is a handful of allocator calls. */
    public static final int BLOCKS = 4;
    /** Operations of one thread between its epoch ends, for every allocator (the live set's length). */
    public static final int EPOCH_OPS = 64;
    /** What {@link #run} returns when it gave up on a full allocator because it was told to stop. */
    public static final long GAVE_UP = Long.MIN_VALUE;

    private final Lane lane;
    private final SizeMix mix;
    private final OnFull onFull;
    private final int epochOps;
    private final long[] blocks = new long[BLOCKS];
    private final int[] sizes = new int[BLOCKS];
    private long random;
    private long failures;
    private int sinceEpoch;

    public MixedOperation(Lane lane, SizeMix mix, OnFull onFull, int epochOps, long seed) {
        if (epochOps < 0) {
            throw new IllegalArgumentException("epochOps must be 0 (never) or more, was " + epochOps);
        }
        this.lane = lane;
        this.mix = mix;
        this.onFull = onFull;
        this.epochOps = epochOps;
        this.random = seed == 0 ? 0x9E3779B97F4A7C15L : seed;
    }

    /**
     * Runs one operation to completion, or gives up ({@link #GAVE_UP}) when {@code stop} says so
     * while the allocator is full; returns a value derived from the touched memory (for a blackhole).
     */
    public long run(BooleanSupplier stop) {
        while (true) {
            long result = attempt();
            if (result != GAVE_UP) {
                if (epochOps > 0 && ++sinceEpoch == epochOps) {
                    sinceEpoch = 0;
                    lane.endEpoch();
                }
                return result;
            }
            failures++;
            if (stop.getAsBoolean()) {
                return GAVE_UP;
            }
            onFull.react(lane);
        }
    }

    /** Attempts so far that found the allocator full. */
    public long failures() {
        return failures;
    }

    private long attempt() {
        long sum = 0;
        long pin = lane.pin();
        try {
            for (int i = 0; i < BLOCKS; i++) {
                random = SizeMix.next(random);
                int size = mix.size(random);
                long block = lane.allocate(size);
                if (block == Lane.FAILED) {
                    return GAVE_UP;
                }
                blocks[i] = block;
                sizes[i] = size;
            }
            for (int i = 0; i < BLOCKS; i++) {
                sum += Touch.touch(lane, blocks[i], sizes[i], random + i);
            }
        } finally {
            lane.unpin(pin);
        }
        return sum == GAVE_UP ? 0 : sum;
    }
}
