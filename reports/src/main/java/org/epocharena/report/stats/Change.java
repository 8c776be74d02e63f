package org.epocharena.report.stats;

import org.epocharena.report.jmh.Direction;
import org.epocharena.report.jmh.Measurement;

/**
 * One figure of this run against the same figure of the baseline run.
 *
 * @param current  this run's figure
 * @param previous the baseline run's figure
 * @param estimate current / previous with interval and p-value
 */
public record Change(Measurement current, Measurement previous, RatioEstimate estimate) {

    /**
     * True when the figure got worse by more than {@code pct} percent beyond the noise: the whole
     * 95% interval of the ratio lies past the threshold, not just its point estimate. A gate run over
     * hundreds of figures would otherwise fail on noise alone (two smoke runs of the same commit
     * showed 11 point estimates past 10% with p &lt; 0.05).
     */
    public boolean regressesBeyond(double pct) {
        if (!estimate.beyondNoise() || Double.isNaN(estimate.low()) || Double.isNaN(estimate.high())) {
            return false;
        }
        Direction d = current.direction();
        double limit = pct / 100;
        return d == Direction.HIGHER_IS_BETTER && estimate.high() < 1 - limit
                || d == Direction.LOWER_IS_BETTER && estimate.low() > 1 + limit;
    }

    /** Figures the regression gate watches: the primary score, p99 and p99.9. */
    public boolean gated() {
        String m = current.metric();
        return current.direction() != Direction.UNKNOWN
                && (m.equals("score") || m.equals("p99") || m.equals("p99.9"));
    }
}
