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
     * True when the block stayed live and intact (or the arena was full), false when the reclaim
     * freed or another allocation overwrote a block its pin protects.
     */
    static boolean pinnedBlockSurvives(EpochArena arena, int size) {
        try (EpochArena.Guard ignored = arena.pin()) {
            long handle = arena.tryAllocate(size);
            if (handle == EpochArena.OUT_OF_MEMORY) {
                return true;
            }
            arena.putLong(handle, size - 8, CANARY);
            arena.putLong(handle, 0, CANARY);
            Thread.yield();
            return arena.isLive(handle) && arena.getLong(handle, 0) == CANARY
                    && arena.getLong(handle, size - 8) == CANARY;
        }
    }

    /**
     * After an unpinned allocation and a reclaim have both returned, either the block was
     * allocated in the new epoch and is live (and usedBytes counts it: exactly, or at least its size
     * for a design that counts whole chunks), or it was allocated before and the reclaim freed it
     * (nothing is used). True when one of the two holds.
     */
    static boolean unpinnedOutcomeConsistent(EpochArena arena, long handle, long newEpoch, boolean exactUsedBytes) {
        if (handle == EpochArena.OUT_OF_MEMORY) {
            return false;   // the arena is far from full: a failure here is a lost block
        }
        if (arena.isLive(handle)) {
            long used = arena.usedBytes();
            int size = arena.sizeOf(handle);
            return arena.epochOf(handle) == newEpoch && (exactUsedBytes ? used == size : used >= size);
        }
        return arena.usedBytes() == 0;
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
