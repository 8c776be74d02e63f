package org.epocharena.block;

import org.epocharena.ArenaLimits;

/**
 * How a handle names a block: the low bits are the index of the 16-byte granule the block starts in,
 * the bits above them as many low bits of its epoch as fit in a non-negative {@code long}, at most the
 * 50 bits an epoch ever has ({@link ArenaLimits#MAX_EPOCH}).
 *
 * <p>The granule is enough to find a block, because no two blocks of one epoch ever start in the same
 * granule (blocks are at least 16 bytes and a block's space is reused only after its epoch ended); the
 * {@link BlockTable} record there supplies the offset within the granule, the size and the full epoch.
 * Naming granules instead of byte offsets leaves {@code 63 - granule bits} for the epoch: all 50 for
 * pools up to 128 KiB, 47 at 1 MiB, 36 at the largest capacity. A freed block's handle could only match
 * a live block again if a block started in the same granule an exact multiple of {@code 2^epochBits}
 * epochs later, so an arena's epochs stop at {@code 2^epochBits - 1} ({@link ArenaLimits#maxEpoch}):
 * a reclaim past it throws rather than let a stale handle come back to life.
 */
public final class Handles {
    private static final int GRANULE_SHIFT = 4;

    private final int granuleBits;
    private final long granuleMask;
    private final long epochMask;

    public Handles(int capacity) {
        int lastGranule = (capacity - 1) >>> GRANULE_SHIFT;
        this.granuleBits = 32 - Integer.numberOfLeadingZeros(lastGranule);
        this.granuleMask = (1L << granuleBits) - 1;
        this.epochMask = ArenaLimits.maxEpoch(capacity);   // all ones: epochs never pass it
    }

    /** The handle of a block of {@code epoch} starting at byte {@code offset}. */
    public long encode(long epoch, int offset) {
        return ((epoch & epochMask) << granuleBits) | (offset >>> GRANULE_SHIFT);
    }

    /** The granule a (non-negative) handle names; may be past the pool for a made-up handle. */
    public long granule(long handle) {
        return handle & granuleMask;
    }

    /** The epoch bits a handle carries. */
    public long epochBits(long handle) {
        return handle >>> granuleBits;
    }

    /** Whether {@code epoch} has the epoch bits {@code bits}. */
    public boolean sameEpoch(long epoch, long bits) {
        return (epoch & epochMask) == bits;
    }

    /**
     * The full epoch a handle's epoch bits stand for, taken as the latest such epoch not after
     * {@code currentEpoch}; used only to word the error for a handle that no longer resolves.
     */
    public long widenEpoch(long handle, long currentEpoch) {
        long low = epochBits(handle);
        long candidate = (currentEpoch & ~epochMask) | low;
        return candidate > currentEpoch ? candidate - (epochMask + 1) : candidate;
    }
}
