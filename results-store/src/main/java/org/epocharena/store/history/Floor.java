package org.epocharena.store.history;

import org.epocharena.store.db.StoredFigure;
import org.epocharena.store.run.Manifest;

/**
 * Practical equivalence, as the manifest's headlines define it: two values are the same when their
 * difference is within the absolute floor or within the relative floor. Figures the manifest does not
 * name get {@link #DEFAULT_RELATIVE} (run-to-run noise on shared machines is of that order).
 */
record Floor(double relative, double absolute) {
    static final double DEFAULT_RELATIVE = 0.05;

    static Floor of(StoredFigure f) {
        Manifest.Headline h = f.run().manifest().headline(f.benchmark(), f.metric()).orElse(null);
        return h == null ? new Floor(DEFAULT_RELATIVE, 0) : new Floor(h.floorRelative(), h.floorAbsolute());
    }

    /** True when {@code before} and {@code after} differ by more than both floors. */
    boolean beyond(double before, double after) {
        double d = Math.abs(after - before);
        double rel = before == 0 ? Double.POSITIVE_INFINITY : d / Math.abs(before);
        return d > absolute && rel > relative;
    }
}
