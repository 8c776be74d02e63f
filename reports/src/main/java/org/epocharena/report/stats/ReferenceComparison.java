package org.epocharena.report.stats;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.epocharena.runformat.Catalog;
import org.epocharena.runformat.Headline;
import org.epocharena.runformat.Measurement;

/**
 * Matches figures of this run with the same figure (same harness, benchmark, implementation,
 * threads, params, metric) of a reference run and estimates each change as one family (see
 * {@link Family}). Figures present in only one run are left out: there is nothing to compare.
 */
public final class ReferenceComparison {
    private ReferenceComparison() {
    }

    /** Changes of the figures that pass {@code which}, keyed by {@link Measurement#key()}, in this run's order. */
    public static Map<String, FigureChange> compare(List<Measurement> current, List<Measurement> reference, Catalog catalog,
                                              Predicate<Measurement> which) {
        Map<String, Measurement> before = reference.stream()
                .collect(Collectors.toMap(Measurement::key, Function.identity(), (x, y) -> x));
        List<Family.Pair> pairs = new ArrayList<>();
        List<Headline> floors = new ArrayList<>();
        for (Measurement m : current) {
            Measurement b = before.get(m.key());
            if (b != null && which.test(m)) {
                pairs.add(new Family.Pair(m, b));
                floors.add(catalog.floorOf(m));
            }
        }
        List<RatioEstimate> estimates = Family.estimate(pairs);
        Map<String, FigureChange> out = new LinkedHashMap<>();
        for (int i = 0; i < pairs.size(); i++) {
            Family.Pair p = pairs.get(i);
            out.put(p.numerator().key(), new FigureChange(p.numerator(), p.denominator(), estimates.get(i), floors.get(i)));
        }
        return out;
    }
}
