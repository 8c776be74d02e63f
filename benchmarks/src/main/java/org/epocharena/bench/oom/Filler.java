package org.epocharena.bench.oom;

import org.epocharena.EpochArena;
import org.epocharena.bench.workload.SizeMix;

/**
 * Fills an arena with a fixed sequence of mixed block sizes until the first failure, so every design
 * sees exactly the same requests and "usable before the first failure" is comparable across them.
 */
final class Filler {
    private final int[] sizes;
    private int next;

    Filler(int capacity) {
        sizes = new int[capacity / EpochArena.MIN_BLOCK + 1];
        long random = 0x0FF1CE;
        for (int i = 0; i < sizes.length; i++) {
            random = SizeMix.next(random);
            sizes[i] = SizeMix.MIXED.size(random);
        }
    }

    /** Allocates until a request fails; returns the bytes allocated. Restarts the sequence each call. */
    long fill(EpochArena arena) {
        next = 0;
        long bytes = 0;
        while (next < sizes.length) {
            int size = sizes[next++];
            if (arena.tryAllocate(size) == EpochArena.OUT_OF_MEMORY) {
                return bytes;
            }
            bytes += size;
        }
        return bytes;
    }

    /** Allocates about {@code bytes} (whole blocks, never past a failure); returns what it allocated. */
    long allocate(EpochArena arena, long bytes) {
        long done = 0;
        for (int i = 0; done < bytes && i < sizes.length; i++) {
            if (arena.tryAllocate(sizes[i]) == EpochArena.OUT_OF_MEMORY) {
                break;
            }
            done += sizes[i];
        }
        return done;
    }

    /** Fills with the smallest block until even that fails, so nothing at all is left to this thread. */
    static void fillCompletely(EpochArena arena) {
        for (int size = EpochArena.MAX_BLOCK; size >= EpochArena.MIN_BLOCK; size /= 2) {
            while (arena.tryAllocate(size) != EpochArena.OUT_OF_MEMORY) {
                // keep going: larger first so the fill takes few calls
            }
        }
    }
}
