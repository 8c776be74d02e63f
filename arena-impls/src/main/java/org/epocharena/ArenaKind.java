package org.epocharena;

import java.util.function.IntFunction;
import org.epocharena.lockfree.LockFreeArena;
import org.epocharena.locked.StampedLockArena;
import org.epocharena.locked.SynchronizedArena;
import org.epocharena.reference.ReferenceArena;
import org.epocharena.striped.StripedArena;

/**
 * The interchangeable arena designs, one constant each, so that one test suite and one JMH
 * {@code @Param} drive all of them.
 */
public enum ArenaKind {
    /** One lock, a map of live blocks, first fit: slow and obvious, the oracle for the others. */
    REFERENCE(ReferenceArena::new),
    /** A ring allocator behind an intrinsic lock. */
    SYNCHRONIZED(SynchronizedArena::new),
    /** The same ring behind a {@code StampedLock}, with optimistic reads where they pay. */
    STAMPED_LOCK(StampedLockArena::new),
    /** Per-thread stripes over slices of the pool, so threads rarely share a lock. */
    STRIPED(StripedArena::new),
    /** Compare-and-set on shared state; no locks on allocate or reclaim. */
    LOCK_FREE(LockFreeArena::new);

    private final IntFunction<EpochArena> factory;

    ArenaKind(IntFunction<EpochArena> factory) {
        this.factory = factory;
    }

    /**
     * Creates an arena of this design over one pool of {@code capacity} bytes.
     *
     * @throws IllegalArgumentException if {@code capacity} is outside 16..{@code Integer.MAX_VALUE - 8}
     */
    public EpochArena create(int capacity) {
        return factory.apply(capacity);
    }
}
