package org.epocharena.report.stats;

import org.apache.commons.math3.distribution.TDistribution;
import org.apache.commons.math3.stat.StatUtils;
import org.apache.commons.math3.stat.inference.TTest;

/**
 * Compares two sets of JMH per-iteration values. The ratio's interval is built on the log scale
 * (delta method, Welch-Satterthwaite degrees of freedom) because ratios are multiplicative and a
 * linear interval could dip below zero; significance is Welch's t-test from commons-math3, which
 * does not assume the two runs have equal variance (they rarely do across machines or designs).
 */
public final class Ratios {
    public static final double ALPHA = 0.05;

    private Ratios() {
    }

    /** Estimate of mean(a) / mean(b). */
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
        double p = welchP(a, b, va, vb, ma, mb);
        if (ma <= 0 || mb <= 0) {
            return new RatioEstimate(r, Double.NaN, Double.NaN, p, p < ALPHA);
        }
        double ra = va / (ma * ma);
        double rb = vb / (mb * mb);
        double se = Math.sqrt(ra + rb);
        if (se == 0) {
            return new RatioEstimate(r, r, r, p, p < ALPHA);
        }
        double df = (ra + rb) * (ra + rb) / (ra * ra / (a.length - 1) + rb * rb / (b.length - 1));
        double t = new TDistribution(df).inverseCumulativeProbability(1 - ALPHA / 2);
        return new RatioEstimate(r, r * Math.exp(-t * se), r * Math.exp(t * se), p, p < ALPHA);
    }

    /** Welch's p-value; when both sides have no spread at all, any difference is beyond noise. */
    private static double welchP(double[] a, double[] b, double va, double vb, double ma, double mb) {
        if (va == 0 && vb == 0) {
            return ma == mb ? 1.0 : 0.0;
        }
        return new TTest().tTest(a, b);
    }
}
