package org.epocharena.runformat;

import org.apache.commons.statistics.descriptive.DoubleStatistics;
import org.apache.commons.statistics.descriptive.Statistic;
import org.apache.commons.statistics.distribution.TDistribution;

/**
 * Student-t confidence half-width of a mean, the same statistic JMH prints as "Error" (at 99.9%),
 * so figures we derive (per-interval percentiles, shares) carry an error comparable to JMH's own.
 */
public final class ConfidenceInterval {
    /** JMH's default confidence level for the score error. */
    public static final double JMH_LEVEL = 0.999;

    private ConfidenceInterval() {
    }

    /** Half-width of the two-sided {@code level} interval of the mean; NaN with fewer than 2 samples. */
    public static double halfWidth(double[] samples, double level) {
        if (samples.length < 2) {
            return Double.NaN;
        }
        DoubleStatistics s = DoubleStatistics.of(java.util.EnumSet.of(Statistic.STANDARD_DEVIATION), samples);
        double t = TDistribution.of(samples.length - 1).inverseCumulativeProbability(1 - (1 - level) / 2);
        return t * s.getAsDouble(Statistic.STANDARD_DEVIATION) / Math.sqrt(samples.length);
    }
}
