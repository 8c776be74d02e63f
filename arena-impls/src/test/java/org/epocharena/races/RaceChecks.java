package org.epocharena.races;

import org.epocharena.EpochArena;

/**
 * The checks the race tests share, one per allocate-versus-reclaim window, so that the jcstress
 * classes of each design are only the wiring jcstress needs (actors, outcomes, a fresh arena).
 */
final class RaceChecks {
    static final long CANARY = 0x5EED_CAFE_F00D_BEEFL;

    private RaceChecks() {
    }

    /**
     * A pinned thread allocates, writes a canary and reads it back while a reclaim runs.
     * Returns 1 when the block stayed live and intact (or the arena was full), 0 when the reclaim
     * freed or another allocation overwrote a block its pin protects.
     */
    static int pinnedBlockSurvives(EpochArena arena, int size) {
        try (EpochArena.Guard ignored = arena.pin()) {
            long handle = arena.tryAllocate(size);
            if (handle == EpochArena.OUT_OF_MEMORY) {
                return 1;
            }
            arena.putLong(handle, size - 8, CANARY);
            arena.putLong(handle, 0, CANARY);
            Thread.yield();
            return arena.isLive(handle) && arena.getLong(handle, 0) == CANARY
                    && arena.getLong(handle, size - 8) == CANARY ? 1 : 0;
        }
    }

    /**
     * After an unpinned allocation and a reclaim have both returned, either the block was
     * allocated in the new epoch and is live (and usedBytes counts it), or it was allocated before
     * and the reclaim freed it (nothing is used). Returns 1 when one of the two holds, 0 otherwise.
     */
    static int unpinnedOutcomeConsistent(EpochArena arena, long handle, long newEpoch) {
        if (handle == EpochArena.OUT_OF_MEMORY) {
            return 0;   // the arena is far from full: a failure here is a lost block
        }
        if (arena.isLive(handle)) {
            return arena.epochOf(handle) == newEpoch && arena.usedBytes() == arena.sizeOf(handle) ? 1 : 0;
        }
        return arena.usedBytes() == 0 ? 1 : 0;
    }

    /** Allocates unpinned blocks and fills them, so that space wrongly freed under a pin gets overwritten. */
    static void scribble(EpochArena arena, int size) {
        for (int i = 0; i < 2; i++) {
            long handle = arena.tryAllocate(size);
            if (handle != EpochArena.OUT_OF_MEMORY) {
                arena.putLong(handle, 0, ~CANARY);
                arena.putLong(handle, size - 8, ~CANARY);
            }
        }
    }
}
