package org.epocharena.stress;

import org.epocharena.EpochArena;

/**
 * The canary a stress worker writes into a block: one long per 8 bytes and single bytes for the
 * tail, all derived from a per-(thread, round, block) seed, written and checked through the word and
 * byte accessors (the paths the designs make fast), with no heap allocation per check.
 */
final class Pattern {
    private Pattern() {
    }

    static long seed(int thread, long round, int block) {
        return ((long) thread << 40) ^ (round << 4) ^ block ^ 0x5DEECE66DL;
    }

    private static long word(long seed, int index) {
        long x = (seed + index) * 0x9E3779B97F4A7C15L;
        return x ^ (x >>> 29);
    }

    static void fill(EpochArena arena, long handle, int size, long seed) {
        int at = 0;
        for (; at + Long.BYTES <= size; at += Long.BYTES) {
            arena.putLong(handle, at, word(seed, at));
        }
        for (; at < size; at++) {
            arena.putByte(handle, at, (byte) word(seed, at));
        }
    }

    static boolean intact(EpochArena arena, long handle, long seed) {
        int size = arena.sizeOf(handle);
        int at = 0;
        for (; at + Long.BYTES <= size; at += Long.BYTES) {
            if (arena.getLong(handle, at) != word(seed, at)) {
                return false;
            }
        }
        for (; at < size; at++) {
            if (arena.getByte(handle, at) != (byte) word(seed, at)) {
                return false;
            }
        }
        return true;
    }
}
