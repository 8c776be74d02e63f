package org.epocharena.report.stats;

import org.apache.commons.math3.distribution.TDistribution;
import org.apache.commons.math3.stat.descriptive.SummaryStatistics;

/**
 * Student-t confidence half-width of a mean, the same statistic JMH prints as "Error" (at 99.9%),
 * so figures we derive (per-iteration percentiles, ratios) carry an error comparable to JMH's own.
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
        SummaryStatistics s = new SummaryStatistics();
        for (double v : samples) {
            s.addValue(v);
        }
        double t = new TDistribution(samples.length - 1).inverseCumulativeProbability(1 - (1 - level) / 2);
        return t * s.getStandardDeviation() / Math.sqrt(samples.length);
    }
}
