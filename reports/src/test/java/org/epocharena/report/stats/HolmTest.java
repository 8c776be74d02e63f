package org.epocharena.report.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class HolmTest {

    @Test
    void stepsDownFromTheSmallestPValue() {
        // m = 4: levels 0.05/4, 0.05/3, 0.05/2, 0.05/1 by rank; the third (0.03 > 0.025) stops the descent.
        double[] c = Holm.confidences(new double[] {0.03, 0.001, 0.012, 0.04}, 0.05);
        assertThat(c[1]).isCloseTo(1 - 0.05 / 4, within(1e-12));
        assertThat(c[2]).isCloseTo(1 - 0.05 / 3, within(1e-12));
        assertThat(c[0]).as("not rejected: Bonferroni level").isCloseTo(1 - 0.05 / 4, within(1e-12));
        assertThat(c[3]).isCloseTo(1 - 0.05 / 4, within(1e-12));
    }

    @Test
    void untestedComparisonsDoNotCount() {
        double[] c = Holm.confidences(new double[] {Double.NaN, 0.01, Double.NaN}, 0.05);
        assertThat(c[1]).isCloseTo(0.95, within(1e-12));
    }

    /** The interval drawn at Holm's level excludes 1 exactly when Holm's adjusted p-value is below alpha. */
    @Test
    void intervalExcludesOneExactlyWhenHolmRejects() {
        Random rnd = new Random(7);
        int rejected = 0;
        for (int family = 0; family < 100; family++) {
            int m = 2 + rnd.nextInt(30);
            double[][] a = new double[m][];
            double[][] b = new double[m][];
            double[] p = new double[m];
            for (int i = 0; i < m; i++) {
                double shift = rnd.nextDouble() < 0.3 ? 1.3 : 1.0;
                a[i] = sample(rnd, 5, 100 * shift);
                b[i] = sample(rnd, 5, 100);
                p[i] = Ratios.pValue(a[i], b[i]);
            }
            double[] adjusted = holmAdjusted(p);
            double[] conf = Holm.confidences(p, 0.05);
            for (int i = 0; i < m; i++) {
                RatioEstimate e = Ratios.estimate(a[i], b[i], conf[i], Basis.FORKS);
                if (Math.abs(adjusted[i] - 0.05) < 1e-6 || !e.bounded()) {
                    continue;
                }
                assertThat(e.beyondNoise()).as("family %d comparison %d adjusted p %s", family, i, adjusted[i])
                        .isEqualTo(adjusted[i] < 0.05);
                rejected += e.beyondNoise() ? 1 : 0;
            }
        }
        assertThat(rejected).isPositive();
    }

    private static double[] sample(Random rnd, int n, double mean) {
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = mean * (1 + 0.05 * rnd.nextGaussian());
        }
        return x;
    }

    /** Textbook Holm adjusted p-values, computed independently of the class under test. */
    private static double[] holmAdjusted(double[] p) {
        Integer[] idx = new Integer[p.length];
        Arrays.setAll(idx, i -> i);
        Arrays.sort(idx, (x, y) -> Double.compare(p[x], p[y]));
        double[] adj = new double[p.length];
        double running = 0;
        for (int k = 0; k < p.length; k++) {
            running = Math.max(running, Math.min(1, (p.length - k) * p[idx[k]]));
            adj[idx[k]] = running;
        }
        return adj;
    }
}
