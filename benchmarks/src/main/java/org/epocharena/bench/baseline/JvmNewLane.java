package org.epocharena.bench.baseline;

import java.util.Arrays;
import org.epocharena.EpochArena;
import org.epocharena.bench.workload.EpochAllocator;

/**
 * {@link Baseline#JVM_NEW}: each block is a fresh {@code byte[]}; the lane holds the current epoch's
 * arrays (a block must stay reachable while it is used) and drops them all when the epoch ends, so
 * the garbage collector pays for what the arena's reclaim would do. One thread only.
 */
final class JvmNewLane implements EpochAllocator {
    private byte[][] live = new byte[64][];
    private int count;
    private long epoch = 1;

    @Override
    public long allocate(int size) {
        if (count == live.length) {
            live = Arrays.copyOf(live, count * 2);
        }
        live[count] = new byte[size];
        return count++;
    }

    @Override
    public long touch(long block) {
        byte[] bytes = live[(int) block];
        bytes[0] = (byte) block;
        bytes[bytes.length - 1] = (byte) ~block;
        return bytes[0] ^ bytes[bytes.length - 1];
    }

    @Override
    public EpochArena.Guard pin() {
        return NoPinHolder.NO_PIN;
    }

    @Override
    public long endEpoch() {
        Arrays.fill(live, 0, count, null);
        count = 0;
        return ++epoch;
    }

    /** Blocks of the current epoch still held (for tests). */
    int liveBlocks() {
        return count;
    }

    @Override
    public boolean sharedAcrossThreads() {
        return false;
    }

    @Override
    public void close() {
        endEpoch();
    }

    /** A lane's blocks are its own thread's, so nothing else can free them: a pin has nothing to do. */
    static final class NoPinHolder implements EpochArena.Guard {
        static final EpochArena.Guard NO_PIN = new NoPinHolder();

        @Override
        public long epoch() {
            return 0;
        }

        @Override
        public void close() {
        }
    }
}
