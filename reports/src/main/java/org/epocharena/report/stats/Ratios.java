package org.epocharena.report.stats;

import org.apache.commons.statistics.descriptive.Mean;
import org.apache.commons.statistics.descriptive.Min;
import org.apache.commons.statistics.descriptive.Variance;
import org.apache.commons.statistics.distribution.TDistribution;
import org.apache.commons.statistics.inference.TTest;

/**
 * Compares two sets of samples (fork means, or iterations of one fork: see {@link Basis}):
 * mean(a) / mean(b), Welch's two-sided p-value (Commons Statistics {@link TTest}, which by default
 * does not assume equal variances) and Fieller's interval for the ratio at a given confidence with
 * the same Welch-Satterthwaite degrees of freedom.
 *
 * <p>Why Fieller: with Welch's degrees of freedom Fieller's interval contains 1 exactly when Welch's
 * test at the same level finds no difference, so the page can never print "beats" next to an interval
 * that straddles 1. When the denominator itself is within noise of 0 the interval is unbounded.
 */
public final class Ratios {
    /** Family-wise error rate of every page and gate. */
    public static final double ALPHA = 0.05;

    private Ratios() {
    }

    /** Raw Welch p-value of mean(a) vs mean(b); NaN with fewer than two values on a side; 0 or 1 without spread. */
    public static double pValue(double[] a, double[] b) {
        if (a.length < 2 || b.length < 2) {
            return Double.NaN;
        }
        double va = Variance.of(a).getAsDouble();
        double vb = Variance.of(b).getAsDouble();
        if (va == 0 && vb == 0) {
            return Mean.of(a).getAsDouble() == Mean.of(b).getAsDouble() ? 1 : 0;
        }
        return TTest.withDefaults().test(a, b).getPValue();
    }

    /** mean(a) / mean(b) with Fieller's interval at {@code confidence}; two zero means are a ratio of 1. */
    public static RatioEstimate estimate(double[] a, double[] b, double confidence, Basis basis) {
        if (a.length == 0 || b.length == 0) {
            return RatioEstimate.ratioOnly(Double.NaN);
        }
        double ma = Mean.of(a).getAsDouble();
        double mb = Mean.of(b).getAsDouble();
        double r = ma == 0 && mb == 0 ? 1 : ma / mb;
        if (basis == Basis.NONE || a.length < 2 || b.length < 2) {
            return RatioEstimate.ratioOnly(r);
        }
        double p = pValue(a, b);
        double va = Variance.of(a).getAsDouble() / a.length;
        double vb = Variance.of(b).getAsDouble() / b.length;
        if (va == 0 && vb == 0) {
            // No spread at all (a count, a constant share): the ratio is exact.
            return new RatioEstimate(r, r, r, p, confidence, basis);
        }
        double df = (va + vb) * (va + vb) / (va * va / (a.length - 1) + vb * vb / (b.length - 1));
        double t = TDistribution.of(df).inverseCumulativeProbability(1 - (1 - confidence) / 2);
        double[] ci = fieller(ma, mb, va, vb, t);
        if (Min.of(a).getAsDouble() >= 0 && Min.of(b).getAsDouble() >= 0) {
            ci[0] = Math.max(0, ci[0]); // times and rates cannot be negative, so neither can their ratio
        }
        return new RatioEstimate(r, ci[0], ci[1], p, confidence, basis);
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
