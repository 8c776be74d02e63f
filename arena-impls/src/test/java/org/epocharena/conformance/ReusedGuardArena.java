package org.epocharena.conformance;

import org.epocharena.EpochArena;

/**
 * A correct arena behind the guard design the contract forbids (rule 4): one guard object per nesting
 * depth, handed out again at the next pin of that depth, whose close releases whatever pin is open
 * there now. Single-threaded, for {@link StaleGuardTest} to show that its check catches the defect.
 */
final class ReusedGuardArena implements EpochArena {
    private final EpochArena arena;
    private final DepthGuard[] guards = new DepthGuard[64];
    private final long[] stamps = new long[64];
    private int depth;

    ReusedGuardArena(EpochArena arena) {
        this.arena = arena;
    }

    private final class DepthGuard implements Guard {
        private final int at;
        private long epoch;

        DepthGuard(int at) {
            this.at = at;
        }

        @Override
        public long epoch() {
            return epoch;
        }

        @Override
        public void close() {
            if (at < depth) {   // the defect: whichever pin is open at this depth now
                arena.unpin(stamps[at]);
                depth = at;
            }
        }
    }

    @Override
    public Guard pin() {
        long stamp = arena.pinStamp();
        if (guards[depth] == null) {
            guards[depth] = new DepthGuard(depth);
        }
        DepthGuard guard = guards[depth];
        guard.epoch = depth == 0 ? arena.epoch() : guards[0].epoch;
        stamps[depth++] = stamp;
        return guard;
    }

    @Override
    public long pinStamp() {
        return arena.pinStamp();
    }

    @Override
    public void unpin(long stamp) {
        arena.unpin(stamp);
    }

    @Override
    public long allocate(int size) {
        return arena.allocate(size);
    }

    @Override
    public long tryAllocate(int size) {
        return arena.tryAllocate(size);
    }

    @Override
    public long reclaim() {
        return arena.reclaim();
    }

    @Override
    public long epoch() {
        return arena.epoch();
    }

    @Override
    public int capacity() {
        return arena.capacity();
    }

    @Override
    public long usedBytes() {
        return arena.usedBytes();
    }

    @Override
    public long wasteBound() {
        return arena.wasteBound();
    }

    @Override
    public void putByte(long handle, int offset, byte value) {
        arena.putByte(handle, offset, value);
    }

    @Override
    public byte getByte(long handle, int offset) {
        return arena.getByte(handle, offset);
    }

    @Override
    public void putLong(long handle, int offset, long value) {
        arena.putLong(handle, offset, value);
    }

    @Override
    public long getLong(long handle, int offset) {
        return arena.getLong(handle, offset);
    }

    @Override
    public void write(long handle, int offset, byte[] src, int srcOffset, int length) {
        arena.write(handle, offset, src, srcOffset, length);
    }

    @Override
    public void read(long handle, int offset, byte[] dst, int dstOffset, int length) {
        arena.read(handle, offset, dst, dstOffset, length);
    }

    @Override
    public int sizeOf(long handle) {
        return arena.sizeOf(handle);
    }

    @Override
    public long epochOf(long handle) {
        return arena.epochOf(handle);
    }

    @Override
    public boolean isLive(long handle) {
        return arena.isLive(handle);
    }

    @Override
    public void close() {
        arena.close();
    }
}
