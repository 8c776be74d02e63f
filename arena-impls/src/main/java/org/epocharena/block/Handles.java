package org.epocharena.block;

/**
 * How a handle packs a block: the low 31 bits are the block's offset in the pool, the next 32 the
 * low bits of its epoch. A handle is never negative; the full epoch and the size live in the
 * {@link BlockTable} record, which is what makes a made-up handle detectable.
 */
public final class Handles {
    static final int OFFSET_BITS = 31;
    static final long OFFSET_MASK = (1L << OFFSET_BITS) - 1;
    static final long EPOCH_MASK = 0xFFFF_FFFFL;

    private Handles() {
    }

    public static long encode(long epoch, int offset) {
        return ((epoch & EPOCH_MASK) << OFFSET_BITS) | offset;
    }

    public static int offset(long handle) {
        return (int) (handle & OFFSET_MASK);
    }

    static long epochLowBits(long handle) {
        return handle >>> OFFSET_BITS;
    }
}
