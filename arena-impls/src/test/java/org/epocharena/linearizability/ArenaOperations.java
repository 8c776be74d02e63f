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
 * epoch and usedBytes, on a 64-byte pool so out of memory is common. Handles are opaque, so an
 * allocation reports the block's epoch, never the handle, and {@link #OUT_OF_MEMORY} on failure.
 *
 * <p>The block's epoch is read right after allocate without a pin, so a concurrent reclaim may
 * already have freed it; pinning would change what that reclaim frees and so what usedBytes
 * reports, breaking the sequential comparison. The epoch is fixed at allocation either way, and a
 * freed block's IllegalStateException names it ("a block of epoch N ... was reclaimed"), so it is
 * read from there.
 */
@Param(name = "size", gen = IntGen.class, conf = "0:2")
public abstract class ArenaOperations {
    static final int CAPACITY = 64;
    static final long OUT_OF_MEMORY = -1;
    private static final int[] SIZES = {16, 24, 40};
    private static final Pattern RECLAIMED_EPOCH = Pattern.compile("block of epoch (\\d+)");

    private final EpochArena arena;

    protected ArenaOperations(EpochArena arena) {
        this.arena = arena;
    }

    protected ArenaOperations(ArenaKind kind) {
        this(kind.create(CAPACITY));
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
        return arena.usedBytes();
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

    // One tiny subclass per design: Lincheck instantiates the tested class by its no-arg constructor.

    public static final class Reference extends ArenaOperations {
        public Reference() {
            super(ArenaKind.REFERENCE);
        }
    }

    public static final class Synchronized extends ArenaOperations {
        public Synchronized() {
            super(ArenaKind.SYNCHRONIZED);
        }
    }

    public static final class StampedLock extends ArenaOperations {
        public StampedLock() {
            super(ArenaKind.STAMPED_LOCK);
        }
    }

    public static final class Striped extends ArenaOperations {
        public Striped() {
            super(ArenaKind.STRIPED);
        }
    }

    public static final class LockFree extends ArenaOperations {
        public LockFree() {
            super(ArenaKind.LOCK_FREE);
        }
    }

    /** The deliberately racy arena, to show the check fails when it should. */
    public static final class Broken extends ArenaOperations {
        public Broken() {
            super(new BrokenArena(CAPACITY));
        }
    }

    static Class<? extends ArenaOperations> of(ArenaKind kind) {
        return switch (kind) {
            case REFERENCE -> Reference.class;
            case SYNCHRONIZED -> Synchronized.class;
            case STAMPED_LOCK -> StampedLock.class;
            case STRIPED -> Striped.class;
            case LOCK_FREE -> LockFree.class;
        };
    }
}
