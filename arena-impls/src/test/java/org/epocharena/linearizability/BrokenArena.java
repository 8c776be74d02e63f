package org.epocharena.linearizability;

import java.util.concurrent.atomic.AtomicInteger;
import org.epocharena.block.AbstractBlockArena;

/**
 * A bump allocator with a planted race, so the Lincheck check can be shown to fail: allocate reads
 * the epoch and then claims space with a separate CAS on the offset, so a reclaim that lands between
 * the two makes it place a block in the fresh space of the new epoch tagged with the old one (a
 * block that is dead on arrival yet counted in usedBytes). Pins are ignored; the check uses none.
 */
final class BrokenArena extends AbstractBlockArena {
    private volatile long epoch = 1;
    private final AtomicInteger top = new AtomicInteger();

    BrokenArena(int capacity) {
        super(capacity);
    }

    @Override
    protected long place(int size) {
        long tag = epoch; // the race: read apart from the offset claim below
        while (true) {
            int at = top.get();
            if (at + size > capacity()) {
                return OUT_OF_MEMORY;
            }
            if (top.compareAndSet(at, at + size)) {
                return blocks.record(tag, at, size);
            }
        }
    }

    @Override
    public synchronized long reclaim(long epochs) {
        ensureOpen();
        long next = epoch + epochs;
        top.set(0);
        epoch = next;
        blocks.freeBelow(next);
        return next;
    }

    @Override
    public long epoch() {
        ensureOpen();
        return epoch;
    }

    @Override
    public long usedBytes() {
        ensureOpen();
        return top.get();
    }

    @Override
    public long wasteBound() {
        ensureOpen();
        return 0;
    }
}
