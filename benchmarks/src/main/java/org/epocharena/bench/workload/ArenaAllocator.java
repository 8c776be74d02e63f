package org.epocharena.bench.workload;

import org.epocharena.EpochArena;

/**
 * An {@link EpochArena} seen as an {@link EpochAllocator}: a thin, stateless pass-through so the
 * harness adds no work of its own to the arena's path ({@code tryAllocate}, not {@code allocate}, so
 * a full arena costs a return value, not an exception).
 */
public final class ArenaAllocator implements EpochAllocator {
    private final EpochArena arena;

    public ArenaAllocator(EpochArena arena) {
        this.arena = arena;
    }

    public EpochArena arena() {
        return arena;
    }

    @Override
    public long allocate(int size) {
        long handle = arena.tryAllocate(size);
        return handle == EpochArena.OUT_OF_MEMORY ? FAILED : handle;
    }

    @Override
    public long touch(long block) {
        int last = arena.sizeOf(block) - Long.BYTES;
        arena.putLong(block, 0, block);
        arena.putLong(block, last, ~block);
        return arena.getLong(block, 0) ^ arena.getLong(block, last);
    }

    @Override
    public EpochArena.Guard pin() {
        return arena.pin();
    }

    @Override
    public long endEpoch() {
        return arena.reclaim();
    }

    @Override
    public boolean sharedAcrossThreads() {
        return true;
    }

    @Override
    public void close() {
        arena.close();
    }
}
