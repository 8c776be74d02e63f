package org.epocharena;

import java.util.function.IntFunction;
import org.epocharena.reference.ReferenceArena;

/**
 * The interchangeable arena designs, one constant each, so that one test suite and one JMH
 * {@code @Param} drive all of them.
 */
public enum ArenaKind {
    /** One lock, a map of live blocks, first fit: slow and obvious, the oracle for the others. */
    REFERENCE(ReferenceArena::new),
    /** A ring allocator behind an intrinsic lock. */
    SYNCHRONIZED(unavailable("SYNCHRONIZED")),
    /** The same ring behind a {@code StampedLock}, with optimistic reads where they pay. */
    STAMPED_LOCK(unavailable("STAMPED_LOCK")),
    /** Per-thread stripes over slices of the pool, so threads rarely share a lock. */
    STRIPED(unavailable("STRIPED")),
    /** Compare-and-set on shared state; no locks on allocate or reclaim. */
    LOCK_FREE(org.epocharena.lockfree.LockFreeArena::new);

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

    // Placeholder until each design lands; replaced constant by constant.
    private static IntFunction<EpochArena> unavailable(String name) {
        return capacity -> {
            throw new UnsupportedOperationException(name + " is not implemented yet");
        };
    }
}
