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

    /** The epoch {@code epochs} reclaims after {@code current}, checked against {@link #MAX_EPOCH}. */
    public static long nextEpoch(long current, long epochs) {
        if (epochs < 1 || epochs > MAX_EPOCH - current) {
            throw new IllegalArgumentException("epochs to reclaim must be between 1 and " + (MAX_EPOCH - current)
                    + " (the epoch limit " + MAX_EPOCH + " minus the current epoch " + current + "), was " + epochs);
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
