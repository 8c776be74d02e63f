package org.epocharena.linearizability;

import org.epocharena.ArenaKind;
import org.epocharena.EpochArena;
import org.jetbrains.lincheck.datastructures.Operation;

/**
 * A narrow Lincheck model of contract rule 8's sharpest edge: a reclaim's new epoch and the death
 * of the blocks it frees are one instant. Only reclaim, epoch, and isLive/epochOf of a witness
 * block (16 bytes allocated in epoch 1 when the object is made) are operations, so the scenarios
 * that can break it (one thread reclaims while the other reads the epoch and then asks about the
 * witness) come up in most runs; among {@link ArenaOperations}' seven operations they are rare.
 * A design that publishes the new epoch before it frees shows up as a history such as
 * "reclaim(): 2 | epoch(): 2, epochOf(): 1": the other thread saw epoch 2 and still a live witness.
 * These answers do not depend on placement, so every design is compared with the reference.
 */
public abstract class EpochVisibilityOperations {
    static final long RECLAIMED = -2;

    static final int CAPACITY = 64;
    // Plain values, not lambdas: Lincheck snapshots static state, and captured lambda fields warn.
    static volatile ArenaKind testedKind;
    static volatile ArenaKind specificationKind;

    private final EpochArena arena;
    private final long witness;

    protected EpochVisibilityOperations(EpochArena arena) {
        this.arena = arena;
        this.witness = arena.allocate(EpochArena.MIN_BLOCK);
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
    public boolean isLive() {
        return arena.isLive(witness);
    }

    @Operation
    public long epochOf() {
        try {
            return arena.epochOf(witness);
        } catch (IllegalStateException reclaimed) {
            return RECLAIMED;
        }
    }

    /** The design under test. */
    public static final class Tested extends EpochVisibilityOperations {
        public Tested() {
            super(testedKind.create(CAPACITY));
        }
    }

    /** The reference design run alone. */
    public static final class Specification extends EpochVisibilityOperations {
        public Specification() {
            super(specificationKind.create(CAPACITY));
        }
    }
}
