package org.epocharena.report.stats;

import java.util.Locale;

/**
 * The ratio of two means with its confidence interval, Welch's raw two-sided p-value, the
 * interval's confidence after the multiple-comparison correction, and what the samples were.
 * {@link #beyondNoise()} holds only on fork-level evidence whose corrected interval excludes 1;
 * {@link #indicative()} is the same on iterations of one fork, which is never called significant.
 * Infinite bounds mean the interval is unbounded (the denominator is within noise of 0); NaN bounds
 * mean there was no interval, so nothing is claimed.
 */
public record RatioEstimate(double ratio, double low, double high, double pValue, double confidence, Basis basis) {

    /** A bare ratio: fewer than two values on a side. */
    public static RatioEstimate ratioOnly(double ratio) {
        return new RatioEstimate(ratio, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Basis.NONE);
    }

    /** Change in percent, (ratio - 1) * 100. */
    public double changePercent() {
        return (ratio - 1) * 100;
    }

    public boolean known() {
        return !Double.isNaN(pValue);
    }

    public boolean bounded() {
        return Double.isFinite(low) && Double.isFinite(high);
    }

    /** True when the bounded interval lies wholly on one side of 1. */
    public boolean excludesOne() {
        return bounded() && (low > 1 || high < 1);
    }

    /** Significant: fork-level samples and a corrected, bounded interval that excludes 1. */
    public boolean beyondNoise() {
        return basis == Basis.FORKS && excludesOne();
    }

    /** The same test on iterations of one fork: worth a second look, not a claim. */
    public boolean indicative() {
        return basis == Basis.ITERATIONS && excludesOne();
    }

    /** "95% CI 1.20-1.45x", "CI unbounded", or "" when there is no interval. */
    public String intervalText() {
        if (Double.isNaN(low) || Double.isNaN(high)) {
            return "";
        }
        String level = Double.isNaN(confidence) ? "CI" : confidence == 1 - Ratios.ALPHA ? "95% CI" : "95% CI (Holm)";
        if (!bounded()) {
            return level + " unbounded";
        }
        return String.format(Locale.ROOT, "%s %.2f-%.2f", level, low, high);
    }

}
