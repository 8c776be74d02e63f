package org.epocharena.bench.alloc;

import org.epocharena.EpochArena;

/**
 * An {@link EpochArena} as an {@link Allocator}: one arena shared by every thread, and a thin,
 * stateless pass-through as every thread's lane, so the harness adds no work of its own to the
 * arena's path ({@code tryAllocate}, not {@code allocate}, so a full arena costs a return value).
 */
public final class ArenaAllocator implements Allocator, Lane {
    private final EpochArena arena;

    public ArenaAllocator(EpochArena arena) {
        this.arena = arena;
    }

    public EpochArena arena() {
        return arena;
    }

    @Override
    public Lane lane() {
        return this;
    }

    @Override
    public long allocate(int size) {
        long handle = arena.tryAllocate(size);
        return handle == EpochArena.OUT_OF_MEMORY ? FAILED : handle;
    }

    @Override
    public void putLong(long block, int offset, long value) {
        arena.putLong(block, offset, value);
    }

    @Override
    public long getLong(long block, int offset) {
        return arena.getLong(block, offset);
    }

    @Override
    public long pin() {
        return arena.pinStamp();
    }

    @Override
    public void unpin(long stamp) {
        arena.unpin(stamp);
    }

    @Override
    public void endEpoch() {
        arena.reclaim();
    }

    @Override
    public long heldBytes() {
        return arena.usedBytes();
    }

    @Override
    public void release() {
        // the arena is shared: its blocks go at the epoch's end, not when one thread leaves
    }

    @Override
    public void close() {
        arena.close();
    }
}
