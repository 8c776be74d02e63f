package org.epocharena.report.page;

import java.util.ArrayList;
import java.util.List;
import org.epocharena.report.stats.Basis;
import org.epocharena.report.stats.FigureChange;
import org.epocharena.report.stats.Gate;
import org.epocharena.report.verdict.Bound;
import org.epocharena.report.verdict.Cell;

/** The words the page and summary.md share, so both say exactly the same thing. */
final class Verdicts {
    static final String LEGEND = "Each cell: the figure, and how far behind the column's best design it is (a ratio, or the "
            + "excess when the best is within the absolute floor of zero). Green: the best design, or tied with it (within the "
            + "headline's practical floor or the noise); blue: a baseline ahead of the best design; amber: behind; red: 2x or "
            + "more behind. Intervals are corrected for every comparison in the table (Holm). * indicative: one fork, not "
            + "significant. Bounds: met / not met per implementation (hover for the figures)";
    static final String METHOD = "Errors (±) are half-widths of 99.9% confidence intervals as JMH computes them; HdrHistogram "
            + "percentiles get theirs from the spread across per-iteration intervals. Ratios: Welch's t-test and Fieller's "
            + "interval on fork means (iterations of one fork are not independent: with one fork a comparison is only "
            + "indicative), corrected with Holm's method over all comparisons of the page or the gate; below a headline's "
            + "practical floor (relative and absolute) two figures are the same.";

    private Verdicts() {
    }

    /** What the page's comparisons rest on: forks or, with one fork, indications. */
    static String evidenceLine(ReportModel r) {
        return r.scorecard().weakestBasis() == Basis.FORKS ? "comparisons on fork means (two or more forks)"
                : "one fork: every comparison is indicative, none is called significant";
    }

    static String cellNote(Cell c) {
        return switch (c.tone()) {
            case BEST -> "best";
            case TIE -> "tie with best";
            case UNCLEAR -> "cannot tell (interval too wide)";
            case AHEAD -> Figures.num(1 / c.behind().ratio()) + "x ahead" + (c.behind().basis() == Basis.ITERATIONS ? "*" : "");
            case BEHIND, FAR -> c.nearZeroBest() ? "+" + Figures.scaled(c.excess(), c.figure().unit()) + " vs best"
                    : Figures.num(c.behind().ratio()) + "x behind" + (c.behind().basis() == Basis.ITERATIONS ? "*" : "");
        };
    }

    static String boundText(Bound b) {
        return switch (b.status()) {
            case MET -> "met";
            case NOT_MET -> "not met";
            case NOT_MEASURED -> "not measured";
        };
    }

    /** Lines on the comparison with a reference run and on the gate. */
    static List<String> comparisonLines(ReportModel r) {
        List<String> out = new ArrayList<>();
        out.add("Against baseline " + r.referenceName() + ": " + r.changes().size() + " figures compared, " + r.changedCount()
                + " changed beyond the noise (fork means, Holm-corrected, past the floor), " + r.indicativeCount()
                + " indicative only (one fork: would need more forks).");
        Gate g = r.gate();
        if (g != null) {
            out.add("Gate at " + Figures.num(g.threshold()) + "%: " + g.compared().size() + " headline figures, "
                    + g.regressions().size() + " regressed beyond the threshold and the noise, " + g.inconclusive().size()
                    + " inconclusive.");
            for (FigureChange c : g.regressions()) {
                out.add("REGRESSION " + Figures.name(c.current()) + ": " + Figures.withError(c.previous()) + " -> "
                        + Figures.withError(c.current()) + ", " + Figures.change(c));
            }
            for (FigureChange c : g.inconclusive()) {
                out.add("inconclusive: " + Figures.name(c.current()) + " " + Figures.change(c) + ": " + Gate.reason(c));
            }
        }
        return out;
    }
}
