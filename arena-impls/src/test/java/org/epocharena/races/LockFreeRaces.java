package org.epocharena.races;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

import org.epocharena.EpochArena;
import org.epocharena.lockfree.LockFreeArena;
import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Arbiter;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.I_Result;

/**
 * Allocate-versus-reclaim windows of {@link LockFreeArena}: an allocation claims space with one CAS
 * on the current segment and records the block afterwards, while a reclaim closes that segment and
 * opens the next, so a block could be stamped with a closed epoch, recorded after its space was
 * freed, or freed under a pin. 2 KiB keeps the ring small enough that two 1000-byte blocks wrap it.
 */
public final class LockFreeRaces {
    private LockFreeRaces() {
    }

    static EpochArena arena() {
        return new LockFreeArena(2048);
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
