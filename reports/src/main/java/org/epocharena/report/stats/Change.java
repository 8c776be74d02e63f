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

    /** True when the figure got worse by more than {@code pct} percent and the change is beyond noise. */
    public boolean regressesBeyond(double pct) {
        if (!estimate.beyondNoise() || Double.isNaN(estimate.ratio())) {
            return false;
        }
        Direction d = current.direction();
        return d == Direction.HIGHER_IS_BETTER && estimate.changePercent() < -pct
                || d == Direction.LOWER_IS_BETTER && estimate.changePercent() > pct;
    }

    /** Figures the regression gate watches: the primary score, p99 and p99.9. */
    public boolean gated() {
        String m = current.metric();
        return current.direction() != Direction.UNKNOWN
                && (m.equals("score") || m.equals("p99") || m.equals("p99.9"));
    }
}
