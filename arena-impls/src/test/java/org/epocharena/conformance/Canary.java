package org.epocharena.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import org.epocharena.EpochArena;

/**
 * A block's expected content, a byte pattern seeded by a tag the test chooses (usually the block's
 * number and its {@code epochOf}), so any overlap, stray write or lost write shows as a mismatch
 * naming the block. Written and checked through the bulk accessors, which every design implements.
 */
record Canary(long handle, int size, long tag) {

    static Canary fill(EpochArena arena, long handle, long tag) {
        Canary canary = new Canary(handle, arena.sizeOf(handle), tag);
        arena.write(handle, 0, canary.expected(), 0, canary.size);
        return canary;
    }

    byte[] expected() {
        byte[] bytes = new byte[size];
        long x = tag * 0x9E3779B97F4A7C15L + 0x632BE59BD9B4E019L;
        for (int i = 0; i < size; i++) {
            x ^= x << 13;
            x ^= x >>> 7;
            x ^= x << 17;
            bytes[i] = (byte) x;
        }
        return bytes;
    }

    void verify(EpochArena arena) {
        byte[] actual = new byte[size];
        arena.read(handle, 0, actual, 0, size);
        assertThat(actual).as("content of block %d (tag %d, %d bytes)", handle, tag, size).isEqualTo(expected());
    }
}
