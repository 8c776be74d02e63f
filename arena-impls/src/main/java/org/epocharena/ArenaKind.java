package org.epocharena;

import java.util.function.IntFunction;
import org.epocharena.chunks.ThreadChunkArena;
import org.epocharena.lockfree.LockFreeArena;
import org.epocharena.locked.StampedLockArena;
import org.epocharena.locked.SynchronizedArena;
import org.epocharena.reference.ReferenceArena;
import org.epocharena.striped.StripedArena;

/**
 * The interchangeable arena designs, one constant each, so that one test suite and one JMH
 * {@code @Param} drive all of them. What a test or a report needs to know about a design is declared
 * here as a capability ({@link #heapFree()}, {@link #matchesReference()}, {@link #isReference()},
 * {@link #description()}), so nothing outside this enum picks a design by its name; a new design is
 * a new constant.
 */
public enum ArenaKind {
    REFERENCE("one lock, a map of live blocks, first fit: slow and obvious, the oracle for the others",
            ReferenceArena::new, null, Capability.REFERENCE),
    SYNCHRONIZED("a ring bump allocator freed by epoch, behind one intrinsic lock",
            SynchronizedArena::new, null, Capability.HEAP_FREE | Capability.MATCHES_REFERENCE),
    STAMPED_LOCK("the same ring behind a StampedLock, optimistic reads where they pay",
            StampedLockArena::new, null, Capability.HEAP_FREE | Capability.MATCHES_REFERENCE),
    STRIPED("stripes over slices of the pool, each a ring behind its own lock",
            StripedArena::new, StripedArena::new, Capability.HEAP_FREE | Capability.EXACT_USED_BYTES),
    LOCK_FREE("a ring of per-epoch segments, one compare-and-set per allocation, no locks",
            LockFreeArena::new, null, Capability.HEAP_FREE | Capability.MATCHES_REFERENCE),
    THREAD_CHUNKS("per-thread 16 KiB chunks freed by epoch: a plain bump per block, one compare-and-set per chunk, no locks",
            ThreadChunkArena::new, ThreadChunkArena::new, Capability.HEAP_FREE);

    private final String description;
    private final IntFunction<EpochArena> factory;
    private final PartsFactory partsFactory;
    private final int capabilities;

    ArenaKind(String description, IntFunction<EpochArena> factory, PartsFactory partsFactory, int capabilities) {
        this.description = description;
        this.factory = factory;
        this.partsFactory = partsFactory;
        this.capabilities = capabilities;
    }

    /**
     * Creates an arena of this design over one pool of {@code capacity} bytes.
     *
     * @throws IllegalArgumentException if {@code capacity} is outside 16..{@code Integer.MAX_VALUE - 8}
     */
    public EpochArena create(int capacity) {
        return factory.apply(capacity);
    }

    /**
     * Creates an arena whose pool is cut into {@code parts} stripes or chunks, for designs that cut
     * it at all ({@link #splitsThePool()}); the others ignore {@code parts}. This lets tests reach
     * the many-part paths on pools far smaller than the defaults would split.
     *
     * @param parts stripes: a power of two from 1 to 64; chunks: from 1 to {@code capacity / 16}
     * @throws IllegalArgumentException if {@code parts} is not allowed for this capacity and design,
     *                                  naming the value and the bound
     */
    public EpochArena create(int capacity, int parts) {
        return partsFactory == null ? create(capacity) : partsFactory.create(capacity, parts);
    }

    /** A one-line description of the design, for reports. */
    public String description() {
        return description;
    }

    /** Whether this is the oracle the other designs are tested against. */
    public boolean isReference() {
        return (capabilities & Capability.REFERENCE) != 0;
    }

    /**
     * Whether {@code tryAllocate} (success and failure) and {@code pin()} with its guard allocate
     * nothing on the Java heap once warm. False only for the reference design.
     */
    public boolean heapFree() {
        return (capabilities & Capability.HEAP_FREE) != 0;
    }

    /**
     * Whether, run on one thread, every call answers as the reference design's would: the same
     * allocations succeed and fail, with the same epochs, and {@code usedBytes()} is the same. Such
     * a design has {@code wasteBound() == 0}; the others may differ in placement and in what
     * {@code usedBytes()} counts (within the contract), and are compared with themselves.
     */
    public boolean matchesReference() {
        return (capabilities & (Capability.MATCHES_REFERENCE | Capability.REFERENCE)) != 0;
    }

    /**
     * Whether {@code usedBytes()} counts the bytes of live blocks (plus any wrap waste at the end of
     * a ring), as the reference does; false for designs that count whole chunks a block lives in.
     */
    public boolean exactUsedBytes() {
        return (capabilities & (Capability.EXACT_USED_BYTES | Capability.MATCHES_REFERENCE | Capability.REFERENCE)) != 0;
    }

    /** Whether {@link #create(int, int)} cuts the pool into parts (stripes or chunks). */
    public boolean splitsThePool() {
        return partsFactory != null;
    }

    @FunctionalInterface
    private interface PartsFactory {
        EpochArena create(int capacity, int parts);
    }

    private static final class Capability {
        static final int REFERENCE = 1;
        static final int HEAP_FREE = 2;
        static final int MATCHES_REFERENCE = 4;
        static final int EXACT_USED_BYTES = 8;
    }
}
