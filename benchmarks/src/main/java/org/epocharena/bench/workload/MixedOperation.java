package org.epocharena.bench.workload;

import java.util.function.BooleanSupplier;
import org.epocharena.EpochArena;

/**
 * One operation of the realistic epoch workload: pin, allocate {@value #BLOCKS} blocks of mixed
 * sizes, touch each, unpin. If a block cannot be placed the attempt is abandoned (its pin released,
 * so it holds nothing back), the thread reacts per {@link OnFull} and retries; the operation counts
 * once, when it completes. Single-threaded: each worker or JMH thread owns one.
 */
public final class MixedOperation {
    /** Blocks per operation: "a few", so one operation is a handful of allocator calls. */
    public static final int BLOCKS = 4;
    /** What {@link #run} returns when it gave up on a full allocator because it was told to stop. */
    public static final long GAVE_UP = Long.MIN_VALUE;

    private final EpochAllocator allocator;
    private final SizeMix mix;
    private final OnFull onFull;
    private final long[] blocks = new long[BLOCKS];
    private long random;
    private long failures;

    public MixedOperation(EpochAllocator allocator, SizeMix mix, OnFull onFull, long seed) {
        this.allocator = allocator;
        this.mix = mix;
        this.onFull = onFull;
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
                return result;
            }
            failures++;
            if (stop.getAsBoolean()) {
                return GAVE_UP;
            }
            onFull.react(allocator);
        }
    }

    /** Attempts so far that found the allocator full. */
    public long failures() {
        return failures;
    }

    private long attempt() {
        long sum = 0;
        try (EpochArena.Guard guard = allocator.pin()) {
            for (int i = 0; i < BLOCKS; i++) {
                random = SizeMix.next(random);
                long block = allocator.allocate(mix.size(random));
                if (block == EpochAllocator.FAILED) {
                    return GAVE_UP;
                }
                blocks[i] = block;
            }
            for (int i = 0; i < BLOCKS; i++) {
                sum += allocator.touch(blocks[i]);
            }
        }
        return sum == GAVE_UP ? 0 : sum;
    }
}
