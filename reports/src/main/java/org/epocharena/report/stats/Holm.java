package org.epocharena.report.stats;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * Holm's step-down correction: a page or a gate makes hundreds of comparisons, and at 5% each one
 * would call a dozen differences out of pure noise. Gives each comparison the confidence its interval
 * must be drawn at so that "the interval excludes 1" is exactly "Holm rejects": for a rejected
 * hypothesis of rank k (0-based, by p) that is 1 - alpha / (m - k); for one not rejected, the
 * Bonferroni level 1 - alpha / m, whose interval then contains 1.
 */
public final class Holm {
    private Holm() {
    }

    /** The confidence level of each comparison's interval; NaN p-values (no test) are not counted. */
    public static double[] confidences(double[] p, double alpha) {
        Integer[] order = IntStream.range(0, p.length).filter(i -> !Double.isNaN(p[i])).boxed().toArray(Integer[]::new);
        Arrays.sort(order, Comparator.comparingDouble(i -> p[i]));
        int m = order.length;
        double[] out = new double[p.length];
        Arrays.fill(out, m == 0 ? 1 - alpha : 1 - alpha / m);
        for (int k = 0; k < m; k++) {
            double level = alpha / (m - k);
            if (p[order[k]] > level) {
                break; // step-down: everything from here on is not rejected
            }
            out[order[k]] = 1 - level;
        }
        return out;
    }
}
