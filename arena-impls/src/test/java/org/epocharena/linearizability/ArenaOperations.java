package org.epocharena.linearizability;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.epocharena.ArenaKind;
import org.epocharena.ArenaOutOfMemoryException;
import org.epocharena.EpochArena;
import org.jetbrains.lincheck.datastructures.IntGen;
import org.jetbrains.lincheck.datastructures.Operation;
import org.jetbrains.lincheck.datastructures.Param;

/**
 * The operations Lincheck runs against one arena: allocate and tryAllocate of three sizes, reclaim,
 * epoch, usedBytes, and isLive/epochOf of a witness block. Handles are opaque, so an allocation
 * reports the block's epoch, never the handle, and {@link #OUT_OF_MEMORY} on failure.
 *
 * <p>The witness is a 16-byte block allocated in epoch 1 when the object is made, before any
 * operation runs, in the tested arena and in the sequential specification alike, so isLive and
 * epochOf ask about the same block in both; the first reclaim frees it. (Asking about blocks the
 * operations allocate would need their handles published after the allocation took effect, and an
 * operation that saw the allocation's effect, usedBytes say, could run before that.)
 *
 * <p>The block's epoch is read right after allocate without a pin, so a concurrent reclaim may
 * already have freed it; a freed block's IllegalStateException names the epoch ("a block of epoch
 * N ... was reclaimed"), so it is read from there.
 *
 * <p>Lincheck builds the tested object and the sequential specification by their no-arg
 * constructors, so the designs and the pool they make are set in {@link #testedKind},
 * {@link #specificationKind}, {@link #capacity} and {@link #parts} before a check; {@link ArenaLinearizabilityTest} does that for every design and configuration.
 */
@Param(name = "size", gen = IntGen.class, conf = "0:2")
public abstract class ArenaOperations {
    static final long OUT_OF_MEMORY = -1;
    static final long RECLAIMED = -2;
    private static final int[] SIZES = {16, 24, 40};
    private static final Pattern RECLAIMED_EPOCH = Pattern.compile("block of epoch (\\d+)");

    // Plain values, not lambdas: Lincheck snapshots static state, and captured lambda fields warn.
    static volatile ArenaKind testedKind;
    static volatile ArenaKind specificationKind;
    static volatile int capacity;
    /** Parts to cut the pool into, or 0 for the design's defaults. */
    static volatile int parts;
    /** False for designs whose usedBytes() counts whole parts: then only whether it is 0 is compared. */
    static volatile boolean exactUsedBytes = true;

    private final EpochArena arena;
    private final long witness;

    protected ArenaOperations(EpochArena arena) {
        this.arena = arena;
        this.witness = arena.allocate(EpochArena.MIN_BLOCK);
    }

    @Operation
    public long allocate(@Param(name = "size") int size) {
        try {
            return epochOfBlock(arena.allocate(SIZES[size]));
        } catch (ArenaOutOfMemoryException e) {
            return OUT_OF_MEMORY;
        }
    }

    @Operation
    public long tryAllocate(@Param(name = "size") int size) {
        long handle = arena.tryAllocate(SIZES[size]);
        return handle == EpochArena.OUT_OF_MEMORY ? OUT_OF_MEMORY : epochOfBlock(handle);
    }

    @Operation
    public long reclaim() {
        return arena.reclaim();
    }

    @Operation
    public long epoch() {
        return arena.epoch();
    }

    @Operation
    public long usedBytes() {
        long used = arena.usedBytes();
        return exactUsedBytes ? used : Long.signum(used);
    }

    @Operation
    public boolean isLive() {
        return arena.isLive(witness);
    }

    /** The witness's epoch (1), or {@link #RECLAIMED} once it was freed. */
    @Operation
    public long epochOf() {
        try {
            return arena.epochOf(witness);
        } catch (IllegalStateException reclaimed) {
            return RECLAIMED;
        }
    }

    private long epochOfBlock(long handle) {
        try {
            return arena.epochOf(handle);
        } catch (IllegalStateException reclaimed) {
            Matcher epoch = RECLAIMED_EPOCH.matcher(String.valueOf(reclaimed.getMessage()));
            if (!epoch.find()) {
                throw new AssertionError("a freed block's exception does not name its epoch", reclaimed);
            }
            return Long.parseLong(epoch.group(1));
        }
    }

    private static EpochArena create(ArenaKind kind) {
        return parts == 0 ? kind.create(capacity) : kind.create(capacity, parts);
    }

    /** The design and configuration under test. */
    public static final class Tested extends ArenaOperations {
        public Tested() {
            super(create(testedKind));
        }
    }

    /** The sequential specification: the reference design, or the tested design run alone. */
    public static final class Specification extends ArenaOperations {
        public Specification() {
            super(create(specificationKind));
        }
    }

    /** The deliberately racy arena, to show the check fails when it should. */
    public static final class Broken extends ArenaOperations {
        public Broken() {
            super(new BrokenArena(64));
        }
    }
}
