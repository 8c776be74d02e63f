package org.epocharena.report.stats;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.epocharena.report.jmh.Measurement;

/**
 * Matches every figure of this run with the same figure (same harness, benchmark, implementation,
 * threads, params, metric) of a baseline run and estimates the change from per-iteration data.
 * Figures present in only one run are left out: there is nothing to compare.
 */
public final class BaselineComparison {
    private BaselineComparison() {
    }

    /** Changes keyed by {@link Measurement#key()}, in this run's order. */
    public static Map<String, Change> compare(List<Measurement> current, List<Measurement> baseline) {
        Map<String, Measurement> before = baseline.stream()
                .collect(Collectors.toMap(Measurement::key, Function.identity(), (x, y) -> x));
        Map<String, Change> out = new LinkedHashMap<>();
        for (Measurement m : current) {
            Measurement b = before.get(m.key());
            if (b != null) {
                out.put(m.key(), new Change(m, b, estimate(m, b)));
            }
        }
        return out;
    }

    private static RatioEstimate estimate(Measurement now, Measurement before) {
        if (now.samples().length >= 2 && before.samples().length >= 2) {
            return Ratios.estimate(now.samples(), before.samples());
        }
        // No per-iteration data (HdrHistogram rows, single-shot): report the ratio, claim nothing.
        return new RatioEstimate(now.value() / before.value(), Double.NaN, Double.NaN, Double.NaN, false);
    }
}
