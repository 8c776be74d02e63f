package org.epocharena.report.stats;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.epocharena.runformat.Catalog;
import org.epocharena.runformat.Measurement;

/**
 * {@code --fail-on-regression PCT}: fails only on a headline figure that got worse by more than PCT
 * with its whole Holm-corrected interval past PCT, measured with two or more forks on both sides.
 * A figure whose point estimate is past PCT without that evidence is inconclusive: listed, with what
 * it would need, and the gate passes. One-fork runs (smoke, quick) are therefore never failed: their
 * iterations cannot see run-to-run noise, which on identical code can be many times their spread
 * (docs/statistics.md).
 *
 * <p>The family is every headline figure of the harnesses the gate is on (all by default). Holm keeps
 * the family's false-alarm rate at 5% whatever its size, but the interval each figure must clear widens
 * with it: with four forks per side, a 30% regression clears a threshold of 10% among a handful of
 * figures and not among the ~200 of a whole profile. So a gate that must catch regressions of one part
 * is put on that part only ({@code --gate-on allocation,latency}); the figures left out are still
 * compared and shown, they just cannot fail the gate, and the A/A guarantee holds for any family.
 *
 * @param compared     headline figures compared (the gate's family)
 * @param regressions  figures that fail the gate
 * @param inconclusive figures worse than PCT by their point estimate, without the evidence to fail
 */
public record Gate(double threshold, Map<String, FigureChange> compared, List<FigureChange> regressions, List<FigureChange> inconclusive) {

    public static Gate of(List<Measurement> current, List<Measurement> reference, Catalog catalog, double pct) {
        return of(current, reference, catalog, pct, Set.of());
    }

    /** The gate on the headline figures of {@code harnesses} only; an empty set means every harness. */
    public static Gate of(List<Measurement> current, List<Measurement> reference, Catalog catalog, double pct,
                          Set<String> harnesses) {
        Map<String, FigureChange> family = ReferenceComparison.compare(current, reference, catalog,
                m -> catalog.headlineOf(m) != null && (harnesses.isEmpty() || harnesses.contains(m.harness())));
        List<FigureChange> regressions = family.values().stream().filter(c -> c.regressesBeyond(pct)).toList();
        List<FigureChange> inconclusive = family.values().stream().filter(c -> c.worseBy(pct) && !c.regressesBeyond(pct)).toList();
        return new Gate(pct, family, regressions, inconclusive);
    }

    /** Why an inconclusive figure did not fail the gate. */
    public static String reason(FigureChange c) {
        if (c.estimate().basis() != Basis.FORKS) {
            return "needs >= 2 forks on both sides (this comparison has "
                    + Math.min(c.current().forkCount(), c.previous().forkCount()) + ")";
        }
        return "interval reaches inside the threshold after correction: needs more forks";
    }
}
