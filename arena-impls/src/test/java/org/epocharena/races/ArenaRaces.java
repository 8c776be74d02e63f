package org.epocharena.races;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

import java.util.concurrent.atomic.AtomicInteger;
import org.epocharena.Design;
import org.epocharena.EpochArena;
import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Arbiter;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.I_Result;

/**
 * The allocate-versus-reclaim windows of every design in every configuration ({@link Design#all()}):
 * jcstress cannot parameterize a test, so each new state takes the next design in turn, and a
 * forbidden outcome is {@code 1 + the design's index} in {@link #DESIGNS}, naming the culprit. 2 KiB
 * keeps each pool small enough that two 1000-byte blocks fill it, spill across stripes or chunks, or
 * wrap a ring.
 */
public final class ArenaRaces {
    static final Design[] DESIGNS = Design.all().toArray(Design[]::new);
    private static final AtomicInteger NEXT = new AtomicInteger();

    private ArenaRaces() {
    }

    /** A fresh arena of the next design in turn, and that design's index. */
    abstract static class Rotating {
        final int index = Math.floorMod(NEXT.getAndIncrement(), DESIGNS.length);
        final Design design = DESIGNS[index];
        final EpochArena arena = design.create(2048);

        int verdict(boolean ok) {
            return ok ? 0 : 1 + index;
        }
    }

    // Two actors at most: jcstress cannot schedule more actors than this machine's 2 cores.
    @JCStressTest
    @Outcome(id = "0", expect = ACCEPTABLE, desc = "the pinned block stayed live and intact")
    @Outcome(expect = FORBIDDEN, desc = "1 + index of the design in ArenaRaces.DESIGNS whose reclaim freed a pinned block, or whose new block overwrote it")
    @State
    public static class PinnedAllocateVersusReclaim extends Rotating {
        @Actor
        public void pinned(I_Result r) {
            r.r1 = verdict(RaceChecks.pinnedBlockSurvives(arena, 1000));
        }

        @Actor
        public void reclaimThenReuse() {
            arena.reclaim();
            arena.reclaim();
            RaceChecks.scribble(arena, 1000);
        }
    }

    @JCStressTest
    @Outcome(id = "0", expect = ACCEPTABLE, desc = "block live exactly when allocated in the new epoch")
    @Outcome(expect = FORBIDDEN, desc = "1 + index of the design in ArenaRaces.DESIGNS where a block outlived the reclaim of its epoch, or vanished in its own")
    @State
    public static class UnpinnedAllocateVersusReclaim extends Rotating {
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
            r.r1 = verdict(RaceChecks.unpinnedOutcomeConsistent(arena, handle, newEpoch, design.kind().exactUsedBytes()));
        }
    }
}
