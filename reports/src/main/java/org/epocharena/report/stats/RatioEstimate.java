package org.epocharena.report.stats;

/**
 * The ratio of two means with its 95% confidence interval and Welch's two-sided p-value.
 * {@code beyondNoise} is true when p &lt; 0.05; a bounded interval then excludes 1 (see {@link Ratios}).
 * Infinite bounds mean the interval is unbounded (the denominator is within noise of 0); NaN bounds
 * and p mean there were fewer than two values on a side, so nothing is claimed.
 */
public record RatioEstimate(double ratio, double low, double high, double pValue, boolean beyondNoise) {

    /** Change in percent, (ratio - 1) * 100. */
    public double changePercent() {
        return (ratio - 1) * 100;
    }

    public boolean known() {
        return !Double.isNaN(pValue);
    }

    /** "95% CI 1.20-1.45x", "95% CI unbounded", or "" when there is no interval. */
    public String intervalText() {
        if (Double.isNaN(low) || Double.isNaN(high)) {
            return "";
        }
        if (Double.isInfinite(low) || Double.isInfinite(high)) {
            return "95% CI unbounded";
        }
        return String.format(java.util.Locale.ROOT, "95%% CI %.2f-%.2fx", low, high);
    }
}
