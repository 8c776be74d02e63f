package org.epocharena.report.stats;

import org.apache.commons.math3.distribution.TDistribution;
import org.apache.commons.math3.stat.StatUtils;
import org.apache.commons.math3.stat.inference.TTest;

/**
 * Compares two sets of JMH per-iteration values: mean(a) / mean(b), Welch's two-sided p-value
 * (commons-math3 {@link TTest}, which does not assume equal variances: two runs or two designs rarely
 * have them) and Fieller's 95% interval for the ratio with the same Welch-Satterthwaite degrees of
 * freedom.
 *
 * <p>Why Fieller and not a log-scale delta interval: with Welch's degrees of freedom Fieller's
 * interval contains 1 exactly when Welch's test finds no difference, so the page can never print
 * "beyond noise" next to an interval that straddles 1. When the denominator itself is within noise
 * of 0 the interval is unbounded, and the estimate says so (high = +infinity) rather than invent a bound.
 */
public final class Ratios {
    public static final double ALPHA = 0.05;

    private Ratios() {
    }

    /** Estimate of mean(a) / mean(b); nothing is claimed with fewer than two values on either side. */
    public static RatioEstimate estimate(double[] a, double[] b) {
        if (a.length < 2 || b.length < 2) {
            double r = a.length > 0 && b.length > 0 ? StatUtils.mean(a) / StatUtils.mean(b) : Double.NaN;
            return new RatioEstimate(r, Double.NaN, Double.NaN, Double.NaN, false);
        }
        double ma = StatUtils.mean(a);
        double mb = StatUtils.mean(b);
        double r = ma / mb;
        double va = StatUtils.variance(a) / a.length;
        double vb = StatUtils.variance(b) / b.length;
        if (va == 0 && vb == 0) {
            // No spread at all (a count, a constant share): any difference is real, none is noise.
            return new RatioEstimate(r, r, r, ma == mb ? 1.0 : 0.0, ma != mb);
        }
        double p = new TTest().tTest(a, b);
        double df = (va + vb) * (va + vb) / (va * va / (a.length - 1) + vb * vb / (b.length - 1));
        double t = new TDistribution(df).inverseCumulativeProbability(1 - ALPHA / 2);
        double[] ci = fieller(ma, mb, va, vb, t);
        if (StatUtils.min(a) >= 0 && StatUtils.min(b) >= 0) {
            ci[0] = Math.max(0, ci[0]); // times and rates cannot be negative, so neither can their ratio
        }
        return new RatioEstimate(r, ci[0], ci[1], p, p < ALPHA);
    }

    /**
     * The set of ratios q with (ma - q mb)^2 &lt;= t^2 (va + q^2 vb): a bounded interval when mb is
     * clearly away from 0, else [low, +infinity) or the whole line (both bounds infinite).
     */
    static double[] fieller(double ma, double mb, double va, double vb, double t) {
        double t2 = t * t;
        double qa = mb * mb - t2 * vb;
        double qb = -2 * ma * mb;
        double qc = ma * ma - t2 * va;
        double disc = qb * qb - 4 * qa * qc;
        if (qa <= 0 || disc < 0) {
            return new double[] {Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY};
        }
        double root = Math.sqrt(disc);
        return new double[] {(-qb - root) / (2 * qa), (-qb + root) / (2 * qa)};
    }
}
