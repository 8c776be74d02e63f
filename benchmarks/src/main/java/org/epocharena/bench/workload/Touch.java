package org.epocharena.bench.workload;

import org.epocharena.bench.alloc.Lane;
import org.openjdk.jmh.annotations.CompilerControl;

/**
 * The work every allocator does on each block it hands out, the same for arenas and baselines: write
 * {@value #WORDS} longs (the block's first and last 8 bytes, {@value #BYTES} bytes in all) with values
 * the JIT cannot know, then read them back in a method that is never inlined, so the compiler cannot
 * fold the reads into the writes it has just seen (a {@code byte[]} store followed by a load of the
 * same element otherwise disappears).
 */
public final class Touch {
    public static final int WORDS = 2;
    public static final int BYTES = WORDS * Long.BYTES;

    private Touch() {
    }

    /** Writes and reads back {@code block} of {@code size} bytes; returns a value for a blackhole. */
    public static long touch(Lane lane, long block, int size, long random) {
        lane.putLong(block, 0, random);
        lane.putLong(block, size - Long.BYTES, ~random);
        return readBack(lane, block, size);
    }

    @CompilerControl(CompilerControl.Mode.DONT_INLINE)
    static long readBack(Lane lane, long block, int size) {
        return lane.getLong(block, 0) ^ lane.getLong(block, size - Long.BYTES);
    }
}
