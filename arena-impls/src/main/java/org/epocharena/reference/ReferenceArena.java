package org.epocharena.reference;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
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
    private final Map<Thread, PinState> pinned = new HashMap<>();

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
            ensureOpen();
            Thread me = Thread.currentThread();
            PinState state = pinned.get(me);
            if (state == null) {
                state = new PinState(epoch);
                pinned.put(me, state);
            }
            state.depth++;
            return new PinGuard(me, state, state.depth);
        } finally {
            lock.unlock();
        }
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
            } else {
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

    private static final class PinState {
        final long epoch;
        int depth;

        PinState(long epoch) {
            this.epoch = epoch;
        }
    }

    private final class PinGuard implements Guard {
        private final Thread owner;
        private final PinState state;
        private final int depth;
        private boolean closed;

        PinGuard(Thread owner, PinState state, int depth) {
            this.owner = owner;
            this.state = state;
            this.depth = depth;
        }

        @Override
        public long epoch() {
            return state.epoch;
        }

        @Override
        public void close() {
            lock.lock();
            try {
                if (closed) {
                    return;
                }
                Thread caller = Thread.currentThread();
                if (caller != owner) {
                    throw new IllegalStateException("a pin guard of thread '" + owner.getName()
                            + "' can only be closed by that thread, not by '" + caller.getName() + "'");
                }
                if (state.depth != depth) {
                    throw new IllegalStateException("pin guard at depth " + depth
                            + " closed while the guard nested inside it (depth " + state.depth + ") is still open");
                }
                closed = true;
                state.depth--;
                if (depth == 1) {
                    pinned.remove(owner);
                }
            } finally {
                lock.unlock();
            }
        }
    }
}
