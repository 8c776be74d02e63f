package org.epocharena.reference;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.WeakHashMap;
import java.util.concurrent.locks.ReentrantLock;
import org.epocharena.ArenaDiagnostics;
import org.epocharena.ArenaLimits;
import org.epocharena.EpochArena;
import org.epocharena.block.Handles;

/**
 * The oracle: the obvious design, written so that it can be trusted by reading it.
 *
 * <p>One lock is held around every method, accessors included, so every call takes effect at one
 * instant while holding it. Live blocks sit in a map from handle to block; free space is a sorted
 * map of gaps, coalesced on free, and placement is first fit over it (from an empty arena that is
 * exact bump allocation). Pins are a map from thread to nesting depth and epoch, kept under the
 * same lock. It shares nothing with the fast designs but the bounds and messages of
 * {@link ArenaLimits} and the handle shape of {@link Handles}, so a bug in their shared block
 * table or pin registry cannot hide here.
 *
 * <p>Trade-off: everything is serialized and {@code reclaim()} walks every live block; contended
 * callers simply queue on the lock. It allocates on the heap freely (boxed keys, map entries).
 */
public final class ReferenceArena implements EpochArena, ArenaDiagnostics {
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    private final ReentrantLock lock = new ReentrantLock();
    private final int capacity;
    private final Handles handles;
    private byte[] pool;
    private boolean closed;
    private long epoch = 1;
    /** Every block of an epoch below this has been freed. */
    private long freedBelow = 1;
    private long allocated;
    private final Map<Long, Block> live = new HashMap<>();
    /** Free gaps: start offset to length, never two adjacent. */
    private final TreeMap<Integer, Integer> gaps = new TreeMap<>();
    /**
     * The threads that have pinned and are alive, each with its open pins. Weak keys, and entries of threads that ended are
     * dropped whenever a thread pins afresh or the records are counted, so a thread that ended pinned
     * is neither kept reachable nor counted, reclaim or not.
     */
    private final Map<Thread, PinState> pinned = new WeakHashMap<>();
    /** The next pin's stamp: every pin of this arena gets its own. */
    private long nextStamp = 1;

    public ReferenceArena(int capacity) {
        this.capacity = ArenaLimits.checkCapacity(capacity);
        this.handles = new Handles(capacity);
        this.pool = new byte[capacity];
        gaps.put(0, capacity);
    }

    @Override
    public long allocate(int size) {
        lock.lock();
        try {
            long handle = tryAllocate(size);
            if (handle == OUT_OF_MEMORY) {
                throw ArenaLimits.outOfMemory(size, capacity - allocated, capacity, epoch, oldestPinned());
            }
            return handle;
        } finally {
            lock.unlock();
        }
    }

    @Override
    public long tryAllocate(int size) {
        lock.lock();
        try {
            ensureOpen();
            ArenaLimits.checkSize(size);
            for (Map.Entry<Integer, Integer> gap : gaps.entrySet()) {
                int start = gap.getKey();
                int length = gap.getValue();
                if (length >= size) {
                    gaps.remove(start);
                    if (length > size) {
                        gaps.put(start + size, length - size);
                    }
                    long handle = handles.encode(epoch, start);
                    live.put(handle, new Block(start, size, epoch));
                    allocated += size;
                    return handle;
                }
            }
            return OUT_OF_MEMORY;
        } finally {
            lock.unlock();
        }
    }

    @Override
    public long reclaim() {
        return reclaim(1);
    }

    @Override
    public long reclaim(long epochs) {
        lock.lock();
        try {
            ensureOpen();
            epoch = ArenaLimits.nextEpoch(epoch, epochs, ArenaLimits.maxEpoch(capacity));
            long freeBelow = Math.min(epoch, oldestPinned());
            if (freeBelow > freedBelow) {
                freedBelow = freeBelow;
                Iterator<Block> blocks = live.values().iterator();
                while (blocks.hasNext()) {
                    Block block = blocks.next();
                    if (block.epoch < freeBelow) {
                        blocks.remove();
                        allocated -= block.size;
                        addGap(block.offset, block.size);
                    }
                }
            }
            return epoch;
        } finally {
            lock.unlock();
        }
    }

    @Override
    public long epoch() {
        lock.lock();
        try {
            ensureOpen();
            return epoch;
        } finally {
            lock.unlock();
        }
    }

    @Override
    public int capacity() {
        lock.lock();
        try {
            ensureOpen();
            return capacity;
        } finally {
            lock.unlock();
        }
    }

    @Override
    public long usedBytes() {
        lock.lock();
        try {
            ensureOpen();
            return allocated;
        } finally {
            lock.unlock();
        }
    }

    @Override
    public long wasteBound() {
        lock.lock();
        try {
            ensureOpen();
            return 0;
        } finally {
            lock.unlock();
        }
    }

    @Override
    public Guard pin() {
        lock.lock();
        try {
            long stamp = pinStamp();
            return new PinGuard(Thread.currentThread(), stamp, pinned.get(Thread.currentThread()).epoch);
        } finally {
            lock.unlock();
        }
    }

    @Override
    public long pinStamp() {
        lock.lock();
        try {
            ensureOpen();
            Thread me = Thread.currentThread();
            PinState state = pinned.get(me);
            if (state == null) {
                forgetEndedThreads();
                state = new PinState();
                pinned.put(me, state);
            }
            if (state.depth == 0) {
                state.epoch = epoch;
            }
            long stamp = nextStamp++;
            state.push(stamp);
            return stamp;
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void unpin(long stamp) {
        if (stamp < 0) {
            throw new IllegalArgumentException("a pin stamp is never negative, was " + stamp);
        }
        lock.lock();
        try {
            ensureOpen();
            release(Thread.currentThread(), stamp);
        } finally {
            lock.unlock();
        }
    }

    /** Releases {@code owner}'s innermost pin if {@code stamp} names it; a stamp no longer open does nothing. */
    private void release(Thread owner, long stamp) {
        PinState state = pinned.get(owner);
        if (state != null && state.depth > 0 && state.open[state.depth - 1] == stamp) {
            state.depth--;
            return;
        }
        if (state != null) {
            for (int d = 0; d < state.depth - 1; d++) {
                if (state.open[d] == stamp) {
                    throw new IllegalStateException("pin at depth " + (d + 1)
                            + " closed while the pin nested inside it (depth " + state.depth + ") is still open");
                }
            }
        }
        for (Map.Entry<Thread, PinState> other : pinned.entrySet()) {
            if (other.getKey() != owner && other.getValue().holds(stamp)) {
                throw new IllegalStateException("pin stamp " + stamp + " belongs to thread '"
                        + other.getKey().getName() + "', not to '" + owner.getName() + "'");
            }
        }
    }

    private void forgetEndedThreads() {
        pinned.keySet().removeIf(thread -> !thread.isAlive());
    }

    @Override
    public void putByte(long handle, int offset, byte value) {
        lock.lock();
        try {
            Block block = block(handle);
            pool[block.offset + Objects.checkIndex(offset, block.size)] = value;
        } finally {
            lock.unlock();
        }
    }

    @Override
    public byte getByte(long handle, int offset) {
        lock.lock();
        try {
            Block block = block(handle);
            return pool[block.offset + Objects.checkIndex(offset, block.size)];
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void putLong(long handle, int offset, long value) {
        lock.lock();
        try {
            Block block = block(handle);
            Objects.checkFromIndexSize(offset, Long.BYTES, block.size);
            LONGS.set(pool, block.offset + offset, value);
        } finally {
            lock.unlock();
        }
    }

    @Override
    public long getLong(long handle, int offset) {
        lock.lock();
        try {
            Block block = block(handle);
            Objects.checkFromIndexSize(offset, Long.BYTES, block.size);
            return (long) LONGS.get(pool, block.offset + offset);
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void write(long handle, int offset, byte[] src, int srcOffset, int length) {
        lock.lock();
        try {
            Block block = block(handle);
            Objects.checkFromIndexSize(offset, length, block.size);
            Objects.checkFromIndexSize(srcOffset, length, src.length);
            System.arraycopy(src, srcOffset, pool, block.offset + offset, length);
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void read(long handle, int offset, byte[] dst, int dstOffset, int length) {
        lock.lock();
        try {
            Block block = block(handle);
            Objects.checkFromIndexSize(offset, length, block.size);
            Objects.checkFromIndexSize(dstOffset, length, dst.length);
            System.arraycopy(pool, block.offset + offset, dst, dstOffset, length);
        } finally {
            lock.unlock();
        }
    }

    @Override
    public int sizeOf(long handle) {
        lock.lock();
        try {
            return block(handle).size;
        } finally {
            lock.unlock();
        }
    }

    @Override
    public long epochOf(long handle) {
        lock.lock();
        try {
            return block(handle).epoch;
        } finally {
            lock.unlock();
        }
    }

    @Override
    public boolean isLive(long handle) {
        lock.lock();
        try {
            ensureOpen();
            return live.containsKey(handle);
        } finally {
            lock.unlock();
        }
    }

    @Override
    public int threadRecords() {
        lock.lock();
        try {
            forgetEndedThreads();
            return pinned.size();
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void close() {
        lock.lock();
        try {
            closed = true;
            pool = null;
            live.clear();
            gaps.clear();
        } finally {
            lock.unlock();
        }
    }

    @Override
    public String toString() {
        lock.lock();
        try {
            return "ReferenceArena[capacity=" + capacity + ", epoch=" + epoch + ", live=" + live.size()
                    + ", used=" + allocated + (closed ? ", closed" : "") + "]";
        } finally {
            lock.unlock();
        }
    }

    /** The live block {@code handle} names; a freed one is an IllegalStateException, anything else an IllegalArgumentException. */
    private Block block(long handle) {
        ensureOpen();
        Block block = live.get(handle);
        if (block != null) {
            return block;
        }
        if (handle >= 0) {
            // A handle may keep fewer bits than the epoch: take the latest epoch with those bits not after now.
            long candidate = handles.widenEpoch(handle, epoch);
            if (candidate >= 1 && candidate < freedBelow) {
                throw ArenaLimits.reclaimed(handle, candidate);
            }
        }
        throw ArenaLimits.notABlock(handle);
    }

    private void addGap(int start, int length) {
        Map.Entry<Integer, Integer> before = gaps.floorEntry(start);
        if (before != null && before.getKey() + before.getValue() == start) {
            start = before.getKey();
            length += before.getValue();
        }
        Integer after = gaps.remove(start + length);
        if (after != null) {
            length += after;
        }
        gaps.put(start, length);
    }

    /** The oldest epoch pinned by a live thread, or Long.MAX_VALUE; forgets threads that died pinned. */
    private long oldestPinned() {
        long oldest = Long.MAX_VALUE;
        Iterator<Map.Entry<Thread, PinState>> entries = pinned.entrySet().iterator();
        while (entries.hasNext()) {
            Map.Entry<Thread, PinState> entry = entries.next();
            if (!entry.getKey().isAlive()) {
                entries.remove();
            } else if (entry.getValue().depth > 0) {
                oldest = Math.min(oldest, entry.getValue().epoch);
            }
        }
        return oldest;
    }

    private void ensureOpen() {
        if (closed) {
            throw ArenaLimits.closed();
        }
    }

    private static final class Block {
        final int offset;
        final int size;
        final long epoch;

        Block(int offset, int size, long epoch) {
            this.offset = offset;
            this.size = size;
            this.epoch = epoch;
        }
    }

    /** A thread that has pinned and is alive; {@code depth} 0 while it holds no pin. */
    private static final class PinState {
        /** The outermost open pin's epoch. */
        long epoch;
        /** The stamps of the open pins, outermost first. */
        long[] open = new long[4];
        int depth;

        void push(long stamp) {
            if (depth == open.length) {
                open = java.util.Arrays.copyOf(open, depth * 2);
            }
            open[depth++] = stamp;
        }

        boolean holds(long stamp) {
            for (int d = 0; d < depth; d++) {
                if (open[d] == stamp) {
                    return true;
                }
            }
            return false;
        }
    }

    /** One pin and only that one: a second close, however late, does nothing. */
    private final class PinGuard implements Guard {
        private final Thread owner;
        private final long stamp;
        private final long epoch;

        PinGuard(Thread owner, long stamp, long epoch) {
            this.owner = owner;
            this.stamp = stamp;
            this.epoch = epoch;
        }

        @Override
        public long epoch() {
            return epoch;
        }

        @Override
        public void close() {
            lock.lock();
            try {
                Thread caller = Thread.currentThread();
                if (caller != owner) {
                    throw new IllegalStateException("a pin guard of thread '" + owner.getName()
                            + "' can only be closed by that thread, not by '" + caller.getName() + "'");
                }
                release(owner, stamp);
            } finally {
                lock.unlock();
            }
        }
    }
}
