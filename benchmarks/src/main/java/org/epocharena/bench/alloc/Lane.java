package org.epocharena.bench.alloc;

/**
 * One thread's view of an {@link Allocator}: allocate blocks in the current epoch, write and read
 * them, pin, end the epoch. Every harness drives arenas and baselines through these calls only, so
 * a difference in the figures is a difference in the allocator.
 *
 * <p>A block is named by a {@code long} so the arena path stays allocation-free; a baseline maps it
 * to its own object. A lane belongs to the thread that asked {@link Allocator#lane()} for it.
 */
public interface Lane {
    /** What {@link #allocate(int)} returns when the allocator is full. */
    long FAILED = -1L;

    /** A block of {@code size} bytes in the current epoch, or {@link #FAILED} when full. Never throws on full. */
    long allocate(int size);

    void putLong(long block, int offset, long value);

    long getLong(long block, int offset);

    /**
     * Keeps the calling thread's blocks of the current epoch alive until {@link #unpin(long)} with the
     * stamp returned; an arena's stamped pin, so pinning allocates nothing whatever the JIT inlines.
     */
    long pin();

    /** Releases the pin {@code stamp} names. */
    void unpin(long stamp);

    /** Ends the allocator's current epoch (for every thread, as an arena's {@code reclaim()} does). */
    void endEpoch();

    /**
     * Frees now what ended epochs left in this lane: a baseline frees a thread's blocks lazily, at its
     * first allocation in a new epoch; an arena freed them in {@code reclaim()} already (nothing to do).
     */
    default void settle() {
    }

    /** This thread is done: lets go of what the lane still holds (nothing to do for a shared arena). */
    void release();
}
