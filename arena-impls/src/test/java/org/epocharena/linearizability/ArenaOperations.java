package org.epocharena.linearizability;

import java.util.concurrent.atomic.AtomicLongArray;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.epocharena.ArenaOutOfMemoryException;
import org.epocharena.EpochArena;
import org.jetbrains.lincheck.datastructures.IntGen;
import org.jetbrains.lincheck.datastructures.Operation;
import org.jetbrains.lincheck.datastructures.Param;

/**
 * The operations Lincheck runs against one arena: allocate and tryAllocate of three sizes, reclaim,
 * epoch, usedBytes, and isLive/epochOf of a block of a chosen epoch. Handles are opaque, so an
 * allocation reports the block's epoch, never the handle, and {@link #OUT_OF_MEMORY} on failure.
 *
 * <p>isLive and epochOf need a handle the run made: every allocation offers its handle as "the
 * block of epoch E" (the first one of that epoch wins), and {@code isLive(E)} asks about it. Blocks
 * of one epoch are freed together, so which block of E answers does not change the result, and the
 * sequential specification numbers its blocks the same way. An allocation publishes its handle
 * before it returns, so a query that finds none overlapped every allocation of that epoch and can
 * be ordered before them.
 *
 * <p>The block's epoch is read right after allocate without a pin, so a concurrent reclaim may
 * already have freed it; a freed block's IllegalStateException names the epoch ("a block of epoch
 * N ... was reclaimed"), so it is read from there.
 *
 * <p>Lincheck builds the tested object and the sequential specification by their no-arg
 * constructors, so the arena each one makes is set in {@link #tested} and {@link #specification}
 * before a check; {@link ArenaLinearizabilityTest} does that for every design and configuration.
 */
@Param(name = "size", gen = IntGen.class, conf = "0:2")
@Param(name = "epoch", gen = IntGen.class, conf = "1:3")
public abstract class ArenaOperations {
    static final long OUT_OF_MEMORY = -1;
    static final long NO_BLOCK = -3;
    static final long RECLAIMED = -2;
    private static final int[] SIZES = {16, 24, 40};
    private static final Pattern RECLAIMED_EPOCH = Pattern.compile("block of epoch (\\d+)");

    static volatile Supplier<EpochArena> tested;
    static volatile Supplier<EpochArena> specification;
    /** False for designs whose usedBytes() counts whole parts: then only whether it is 0 is compared. */
    static volatile boolean exactUsedBytes = true;

    private final EpochArena arena;
    /** Handle + 1 of the first block allocated in each epoch, 0 while there is none. */
    private final AtomicLongArray blockOfEpoch = new AtomicLongArray(16);

    protected ArenaOperations(EpochArena arena) {
        this.arena = arena;
    }

    @Operation
    public long allocate(@Param(name = "size") int size) {
        try {
            return offer(arena.allocate(SIZES[size]));
        } catch (ArenaOutOfMemoryException e) {
            return OUT_OF_MEMORY;
        }
    }

    @Operation
    public long tryAllocate(@Param(name = "size") int size) {
        long handle = arena.tryAllocate(SIZES[size]);
        return handle == EpochArena.OUT_OF_MEMORY ? OUT_OF_MEMORY : offer(handle);
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

    /** 1 if the block of {@code epoch} is live, 0 if it was freed, {@link #NO_BLOCK} if none was made. */
    @Operation
    public long isLive(@Param(name = "epoch") int epoch) {
        long handle = blockOfEpoch.get(epoch) - 1;
        if (handle < 0) {
            return NO_BLOCK;
        }
        return arena.isLive(handle) ? 1 : 0;
    }

    /** The epoch of the block of {@code epoch}, {@link #RECLAIMED} if it was freed, {@link #NO_BLOCK} if none was made. */
    @Operation
    public long epochOf(@Param(name = "epoch") int epoch) {
        long handle = blockOfEpoch.get(epoch) - 1;
        if (handle < 0) {
            return NO_BLOCK;
        }
        try {
            return arena.epochOf(handle);
        } catch (IllegalStateException reclaimed) {
            return RECLAIMED;
        }
    }

    private long offer(long handle) {
        long epoch = epochOfBlock(handle);
        if (epoch < blockOfEpoch.length()) {
            blockOfEpoch.compareAndSet((int) epoch, 0, handle + 1);
        }
        return epoch;
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

    /** The design and configuration under test. */
    public static final class Tested extends ArenaOperations {
        public Tested() {
            super(tested.get());
        }
    }

    /** The sequential specification: the reference design, or the tested design run alone. */
    public static final class Specification extends ArenaOperations {
        public Specification() {
            super(specification.get());
        }
    }

    /** The deliberately racy arena, to show the check fails when it should. */
    public static final class Broken extends ArenaOperations {
        public Broken() {
            super(new BrokenArena(64));
        }
    }
}
