package org.epocharena.report.stats;

import org.epocharena.runformat.Measurement;

/**
 * What a comparison's samples are. Iterations of one JMH fork share the fork's JIT decisions, heap
 * layout and machine state, so they are not independent and understate run-to-run noise, often by
 * far (docs/statistics.md has a measured case). Only fork
 * means are independent samples: with two or more forks on both sides a comparison can be
 * significant; with iterations of one fork it is only indicative.
 */
public enum Basis {
    /** Two or more forks on both sides: each fork's mean is one sample. */
    FORKS,
    /** One fork on a side: iterations as samples, indicative only, never significant. */
    ITERATIONS,
    /** Fewer than two values on a side: a ratio, no interval, no claim. */
    NONE;

    /** The basis of comparing {@code a} with {@code b}. */
    public static Basis of(Measurement a, Measurement b) {
        if (a.forkCount() >= 2 && b.forkCount() >= 2) {
            return FORKS;
        }
        return a.samples().length >= 2 && b.samples().length >= 2 ? ITERATIONS : NONE;
    }

    /** The samples of {@code m} on this basis. */
    public double[] samples(Measurement m) {
        return this == FORKS ? m.forkMeans() : m.samples();
    }

    public String describe() {
        return switch (this) {
            case FORKS -> "fork means";
            case ITERATIONS -> "iterations of one fork: indicative";
            case NONE -> "too few values";
        };
    }
}
