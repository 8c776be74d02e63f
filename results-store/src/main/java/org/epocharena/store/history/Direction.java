package org.epocharena.store.history;

import org.epocharena.store.db.StoredFigure;
import org.epocharena.store.run.Manifest;

/** Which way a figure is better, so that a winner can be named; UNKNOWN names none. */
enum Direction {
    HIGHER, LOWER, UNKNOWN;

    /**
     * The run's manifest decides for its headline figures; otherwise JMH's mode for the primary result
     * (throughput higher, times lower), latency percentiles and heap bytes per operation lower, and
     * nothing for other secondary results (an aux counter may go either way).
     */
    static Direction of(StoredFigure f) {
        Manifest.Headline h = f.run().manifest().headline(f.benchmark(), f.metric()).orElse(null);
        if (h != null) {
            return "higher".equals(h.better()) ? HIGHER : "lower".equals(h.better()) ? LOWER : UNKNOWN;
        }
        if (f.metric().isEmpty()) {
            return switch (f.mode()) {
                case "thrpt" -> HIGHER;
                case "avgt", "sample", "ss" -> LOWER;
                default -> UNKNOWN;
            };
        }
        if (f.metric().matches("p\\d+(\\.\\d+)?|min|max") || f.metric().equals("gc.alloc.rate.norm")) {
            return LOWER;
        }
        return UNKNOWN;
    }

    /** True when {@code a} is better than {@code b}. */
    boolean better(double a, double b) {
        return this == HIGHER ? a > b : this == LOWER && a < b;
    }
}
