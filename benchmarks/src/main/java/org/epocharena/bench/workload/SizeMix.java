package org.epocharena.bench.workload;

/**
 * Block-size distributions of the realistic mix, picked by a JMH {@code @Param}. Sizes come from a
 * per-thread xorshift value, so drawing one costs a few instructions and no shared state.
 */
public enum SizeMix {
    /** Only 64-byte blocks: no fragmentation, the allocator's best case. */
    FIXED_64 {
        @Override
        public int size(long random) {
            return 64;
        }
    },
    /** Mostly small with a long tail, like request-scoped buffers: 16..128 (75%), 129..1024 (25%). */
    MIXED {
        @Override
        public int size(long random) {
            int r = (int) (random >>> 33);
            return (r & 3) != 0 ? 16 + (r >>> 2) % 113 : 129 + (r >>> 2) % 896;
        }
    },
    /** 512..1024 bytes: few blocks per pool, the arena fills fast. */
    LARGE {
        @Override
        public int size(long random) {
            return 512 + (int) ((random >>> 33) % 513);
        }
    };

    /** A block size in 16..1024 drawn from {@code random} (any bits). */
    public abstract int size(long random);

    /** The next value of a xorshift64 generator; {@code x} must not be 0. */
    public static long next(long x) {
        x ^= x << 13;
        x ^= x >>> 7;
        x ^= x << 17;
        return x;
    }
}
