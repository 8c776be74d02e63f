package org.epocharena.store.history;

import java.util.Comparator;
import org.epocharena.store.db.StoredFigure;

/** What makes two stored figures the same figure, across runs and machines; the implementation aside. */
record FigureKey(String harness, String benchmark, String mode, String metric, String params, int threads, String unit)
        implements Comparable<FigureKey> {
    /** The metric of JMH's primary result, as the report names it. */
    static final String PRIMARY = "score";

    private static final Comparator<FigureKey> ORDER = Comparator.comparing(FigureKey::harness)
            .thenComparing(FigureKey::benchmark).thenComparing(FigureKey::params).thenComparingInt(FigureKey::threads)
            .thenComparing(k -> k.metric().equals(PRIMARY) ? "" : "~" + k.metric()).thenComparing(FigureKey::mode)
            .thenComparing(FigureKey::unit);

    static FigureKey of(StoredFigure f) {
        return new FigureKey(f.harness(), f.benchmark(), f.mode(), f.metric(), f.params(), f.threads(), f.unit());
    }

    /** "ThroughputBenchmark.run score, mix=MIXED, 64 threads". */
    String title() {
        return benchmark + " " + metric + (params.isEmpty() ? "" : ", " + params)
                + ", " + threads + (threads == 1 ? " thread" : " threads");
    }

    @Override
    public int compareTo(FigureKey o) {
        return ORDER.compare(this, o);
    }
}
