package org.epocharena.report.stats;

import org.epocharena.runformat.Headline;
import org.epocharena.runformat.Measurement;

/**
 * One figure of this run against the same figure of the reference run.
 *
 * @param current  this run's figure
 * @param previous the reference run's figure
 * @param estimate current / previous, corrected for the number of figures compared
 * @param floor    the figure's practical-equivalence floors and direction
 */
public record FigureChange(Measurement current, Measurement previous, RatioEstimate estimate, Headline floor) {

    /** Changed: beyond the noise on fork-level evidence, and by more than the practical floor. */
    public boolean changed() {
        return estimate.beyondNoise() && floor.practicallyDifferent(current.value(), previous.value());
    }

    /** The same on iterations of one fork: a lead for a run with more forks, not a finding. */
    public boolean indicative() {
        return estimate.indicative() && floor.practicallyDifferent(current.value(), previous.value());
    }

    /** Point estimate worse by more than {@code pct} percent (and past the floor). */
    public boolean worseBy(double pct) {
        double limit = pct / 100;
        double r = estimate.ratio();
        boolean worse = floor.higherBetter() ? r < 1 - limit : r > 1 + limit;
        return worse && floor.practicallyDifferent(current.value(), previous.value());
    }

    /**
     * A regression the gate may fail on: worse by more than {@code pct} percent with the whole
     * corrected interval past that threshold, on fork-level evidence, and past the practical floor.
     */
    public boolean regressesBeyond(double pct) {
        if (estimate.basis() != Basis.FORKS || !estimate.bounded() || !worseBy(pct)) {
            return false;
        }
        double limit = pct / 100;
        return floor.higherBetter() ? estimate.high() < 1 - limit : estimate.low() > 1 + limit;
    }
}
