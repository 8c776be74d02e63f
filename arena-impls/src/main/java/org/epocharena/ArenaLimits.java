package org.epocharena;

/**
 * The bounds of docs/contract.md and the messages that name them, shared by every design so that a user
 * sees the same words whichever arena they picked.
 */
public final class ArenaLimits {
    /** Smallest pool accepted by {@link ArenaKind#create(int)}. */
    public static final int MIN_CAPACITY = 16;
    /** Largest pool accepted by {@link ArenaKind#create(int)}: the largest array a JVM reliably allocates. */
    public static final int MAX_CAPACITY = Integer.MAX_VALUE - 8;

    /**
     * The largest epoch an arena reaches: block records keep 50 bits of epoch. At one reclaim every
     * 20 ns that is 260 days of nothing but reclaims; a {@code reclaim()} past it throws.
     */
    public static final long MAX_EPOCH = (1L << 50) - 1;

    private ArenaLimits() {
    }

    public static int checkCapacity(int capacity) {
        if (capacity < MIN_CAPACITY || capacity > MAX_CAPACITY) {
            throw new IllegalArgumentException("capacity must be between " + MIN_CAPACITY + " and "
                    + MAX_CAPACITY + " bytes, was " + capacity);
        }
        return capacity;
    }

    /**
     * The largest epoch an arena of {@code capacity} bytes reaches, so that a freed block's handle can
     * never match a later block: a handle is a non-negative {@code long} naming the 16-byte granule a
     * block starts in plus the low bits of its epoch, and as long as epochs stay below
     * {@code 2^epochBits} no two epochs share those bits. That is {@link #MAX_EPOCH} for pools up to
     * 128 KiB, {@code 2^47 - 1} at 1 MiB and {@code 2^36 - 1} above 1 GiB (19 hours of a million
     * reclaims a second); a reclaim past it throws rather than let a stale handle come back to life.
     */
    public static long maxEpoch(int capacity) {
        int granuleBits = 32 - Integer.numberOfLeadingZeros((checkCapacity(capacity) - 1) >>> 4);
        int epochBits = Math.min(64 - Long.numberOfLeadingZeros(MAX_EPOCH), 63 - granuleBits);
        return (1L << epochBits) - 1;
    }

    /** The epoch {@code epochs} reclaims after {@code current}, checked against {@link #MAX_EPOCH}. */
    public static long nextEpoch(long current, long epochs) {
        return nextEpoch(current, epochs, MAX_EPOCH);
    }

    /** The epoch {@code epochs} reclaims after {@code current}, checked against {@code maxEpoch}. */
    public static long nextEpoch(long current, long epochs, long maxEpoch) {
        if (epochs < 1 || epochs > maxEpoch - current) {
            throw new IllegalArgumentException("epochs to reclaim must be between 1 and " + (maxEpoch - current)
                    + " (the epoch limit " + maxEpoch + " minus the current epoch " + current + "), was " + epochs);
        }
        return current + epochs;
    }

    public static int checkSize(int size) {
        if (size < EpochArena.MIN_BLOCK || size > EpochArena.MAX_BLOCK) {
            throw new IllegalArgumentException("block size must be between " + EpochArena.MIN_BLOCK + " and "
                    + EpochArena.MAX_BLOCK + " bytes, was " + size);
        }
        return size;
    }

    /**
     * The exception for a block that could not be placed.
     *
     * @param oldestPinned the oldest epoch a live thread has pinned, or {@code Long.MAX_VALUE} for none;
     *                     named only when it is older than {@code epoch}, that is when pins hold memory
     */
    public static ArenaOutOfMemoryException outOfMemory(int size, long freeBytes, int capacity, long epoch,
                                                        long oldestPinned) {
        StringBuilder message = new StringBuilder(160)
                .append("Out of memory: cannot allocate ").append(size).append(" bytes; ")
                .append(freeBytes).append(" bytes free of capacity ").append(capacity)
                .append(", epoch ").append(epoch);
        if (oldestPinned < epoch) {
            message.append(", oldest pinned epoch ").append(oldestPinned)
                    .append(" holds the blocks of epochs ").append(oldestPinned).append(" and later");
        }
        return new ArenaOutOfMemoryException(message.toString());
    }

    public static IllegalStateException closed() {
        return new IllegalStateException("arena is closed");
    }

    public static IllegalStateException reclaimed(long handle, long blockEpoch) {
        return new IllegalStateException("handle " + handle + " names a block of epoch " + blockEpoch
                + ", and that epoch was reclaimed");
    }

    public static IllegalArgumentException notABlock(long handle) {
        return new IllegalArgumentException("handle " + handle + " names no live block of this arena");
    }
}
