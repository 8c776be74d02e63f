package org.epocharena.bench.suite;

import java.util.ArrayList;
import java.util.List;

/**
 * The order of the single-fork JMH runs of a paired comparison ({@code --compare-with}): base and head
 * alternate fork by fork in ABBA order (base 1, head 1, head 2, base 2, base 3, head 3, ...), so that
 * a machine that drifts (thermal state, a neighbour on a shared runner) over the run hits both sides
 * alike: a linear drift cancels over every ABBA quadruple, which a plain ABAB order would not do.
 */
public final class PairOrder {
    /** Which build a fork runs. */
    public enum Side {
        BASE, HEAD
    }

    /** One single-fork JMH run: a side and its fork number (1-based, per side). */
    public record Step(Side side, int fork) {
    }

    private PairOrder() {
    }

    /** Every fork of both sides, {@code forksPerSide} each, in ABBA order. */
    public static List<Step> of(int forksPerSide) {
        if (forksPerSide < 1) {
            throw new IllegalArgumentException("forks per side must be at least 1, was " + forksPerSide);
        }
        List<Step> steps = new ArrayList<>(2 * forksPerSide);
        for (int fork = 1; fork <= forksPerSide; fork++) {
            boolean baseFirst = fork % 2 == 1;
            steps.add(new Step(baseFirst ? Side.BASE : Side.HEAD, fork));
            steps.add(new Step(baseFirst ? Side.HEAD : Side.BASE, fork));
        }
        return steps;
    }
}
