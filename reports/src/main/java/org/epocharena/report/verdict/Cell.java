package org.epocharena.report.verdict;

import org.epocharena.report.jmh.Measurement;
import org.epocharena.report.stats.RatioEstimate;

/**
 * One implementation's figure in one column, against the column's best.
 *
 * @param figure the measured figure
 * @param behind how many times worse than the best design (below 1: a baseline ahead of it), corrected interval included;
 *               null for the best itself
 * @param tone   how the cell is coloured
 */
public record Cell(Measurement figure, RatioEstimate behind, Tone tone) {

    /**
     * Best design; tied with it (within the floor or the noise); a baseline ahead of it; behind; far
     * behind (2x or more).
     */
    public enum Tone { BEST, TIE, AHEAD, BEHIND, FAR }
}
