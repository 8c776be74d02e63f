package org.epocharena.bench.workload;

import org.epocharena.EpochArena;

/**
 * The epoch workload's view of an allocator: allocate blocks in the current epoch, touch them, end
 * the epoch. Arenas and baselines both implement it, so every harness drives them through the same
 * calls and a difference in the figures is a difference in the allocator.
 *
 * <p>A block is named by a {@code long} so the arena path stays allocation-free; a baseline maps it
 * to its own object. Whether one instance may be shared between threads is the implementation's
 * business: an {@link ArenaAllocator} is shared, a baseline lane belongs to one thread
 * ({@link #sharedAcrossThreads()}).
 */
public interface EpochAllocator extends AutoCloseable {
    /** What {@link #allocate(int)} returns when the allocator is full. */
    long FAILED = -1L;

    /** A block of {@code size} bytes in the current epoch, or {@link #FAILED} when full. Never throws on full. */
    long allocate(int size);

    /** Writes the block's first and last 8 bytes and reads them back: proof the memory is usable. */
    long touch(long block);

    /** Keeps the calling thread's current epoch alive until the guard closes (a no-op for baselines). */
    EpochArena.Guard pin();

    /** Ends the current epoch and frees what the allocator's epoch rule allows; returns the new epoch. */
    long endEpoch();

    /** True when one instance serves every thread; false when each thread needs its own lane. */
    boolean sharedAcrossThreads();

    @Override
    void close();
}
