package org.epocharena.report.verdict;

import org.epocharena.report.stats.RatioEstimate;
import org.epocharena.runformat.Measurement;

/**
 * One implementation's figure in one column, against the column's best.
 *
 * @param figure the measured figure
 * @param behind how many times worse than the best design (below 1: a baseline ahead of it), corrected interval included;
 *               null for the best itself
 * @param tone   how the cell is coloured
 */
public record Cell(Measurement figure, RatioEstimate behind, Tone tone, double best, double floorAbsolute) {

    /** The best is within the absolute floor of zero (0.0006 B/op): a ratio to it means nothing, the amount does. */
    public boolean nearZeroBest() {
        return Math.abs(best) < floorAbsolute;
    }

    /** How much more (or less) than the best, in the figure's unit. */
    public double excess() {
        return figure.value() - best;
    }

    /**
     * Best design; tied with it (within the practical floor); apart from it by the point estimates but
     * with an interval too wide to tell (unclear: more forks or iterations would say); a baseline ahead
     * of it; behind; far behind (2x or more).
     */
    public enum Tone { BEST, TIE, UNCLEAR, AHEAD, BEHIND, FAR }
}
