package org.epocharena.races;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

import org.epocharena.EpochArena;
import org.epocharena.striped.StripedArena;
import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Arbiter;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.I_Result;

/**
 * Allocate-versus-reclaim windows of {@link StripedArena}: a reclaim takes every stripe lock while
 * allocators hold one, and publishes the new epoch with a "reclaim running" bit, so these are the
 * places where a block could be stamped with the wrong epoch or freed under a pin. Two stripes of
 * 1 KiB keep the arena small enough that allocations spill from one stripe to the other.
 */
public final class StripedRaces {
    private StripedRaces() {
    }

    static EpochArena arena() {
        return new StripedArena(2048, 2);
    }

    // Two actors at most: jcstress cannot schedule more actors than this machine's 2 cores.
    @JCStressTest
    @Outcome(id = "1", expect = ACCEPTABLE, desc = "the pinned block stayed live and intact")
    @Outcome(expect = FORBIDDEN, desc = "a reclaim freed the pinned block, or a new block overwrote it")
    @State
    public static class PinnedAllocateVersusReclaim {
        final EpochArena arena = arena();

        @Actor
        public void pinned(I_Result r) {
            r.r1 = RaceChecks.pinnedBlockSurvives(arena, 1000);
        }

        @Actor
        public void reclaimThenReuse() {
            arena.reclaim();
            arena.reclaim();
            RaceChecks.scribble(arena, 1000);
        }
    }

    @JCStressTest
    @Outcome(id = "1", expect = ACCEPTABLE, desc = "block live exactly when allocated in the new epoch")
    @Outcome(expect = FORBIDDEN, desc = "a block outlived the reclaim of its epoch, or vanished in its own")
    @State
    public static class UnpinnedAllocateVersusReclaim {
        final EpochArena arena = arena();
        long handle;
        long newEpoch;

        @Actor
        public void allocator() {
            handle = arena.tryAllocate(64);
        }

        @Actor
        public void reclaimer() {
            newEpoch = arena.reclaim();
        }

        @Arbiter
        public void check(I_Result r) {
            r.r1 = RaceChecks.unpinnedOutcomeConsistent(arena, handle, newEpoch);
        }
    }
}
