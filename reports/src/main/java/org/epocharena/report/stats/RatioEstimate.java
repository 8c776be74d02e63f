package org.epocharena.report.stats;

/**
 * The ratio of two means with its 95% confidence interval and Welch's two-sided p-value.
 * {@code beyondNoise} is true when p &lt; 0.05 (the ratio's interval then excludes 1 as well, up to
 * the log-normal approximation); with fewer than two samples on either side nothing is claimed.
 */
public record RatioEstimate(double ratio, double low, double high, double pValue, boolean beyondNoise) {

    /** Change in percent, (ratio - 1) * 100. */
    public double changePercent() {
        return (ratio - 1) * 100;
    }

    public boolean known() {
        return !Double.isNaN(pValue);
    }
}
