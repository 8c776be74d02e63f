package org.epocharena.report.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.apache.commons.statistics.descriptive.Mean;
import org.apache.commons.statistics.descriptive.Variance;
import org.apache.commons.statistics.distribution.TDistribution;
import org.apache.commons.statistics.inference.TTest;
import org.junit.jupiter.api.Test;

class RatiosTest {
    private static final double[] A = {105, 110, 98, 102, 107};
    private static final double[] B = {90, 95, 88, 93, 91};

    @Test
    void ratioAndPValueAreWelchsFromCommonsStatistics() {
        RatioEstimate e = Ratios.estimate(A, B, 0.95, Basis.FORKS);
        assertThat(e.ratio()).isCloseTo(104.4 / 91.4, within(1e-12));
        assertThat(e.pValue()).isCloseTo(TTest.withDefaults().test(A, B).getPValue(), within(1e-15));
        assertThat(e.pValue()).isLessThan(0.05);
        assertThat(e.beyondNoise()).isTrue();
        assertThat(e.changePercent()).isCloseTo((104.4 / 91.4 - 1) * 100, within(1e-9));
    }

    @Test
    void intervalBoundsSolveFiellersEquationWithWelchDegreesOfFreedom() {
        RatioEstimate e = Ratios.estimate(A, B, 0.95, Basis.FORKS);
        double ma = Mean.of(A).getAsDouble();
        double mb = Mean.of(B).getAsDouble();
        double va = Variance.of(A).getAsDouble() / A.length;
        double vb = Variance.of(B).getAsDouble() / B.length;
        double df = (va + vb) * (va + vb) / (va * va / 4 + vb * vb / 4);
        double t = TDistribution.of(df).inverseCumulativeProbability(0.975);
        for (double q : new double[] {e.low(), e.high()}) {
            assertThat((ma - q * mb) * (ma - q * mb)).isCloseTo(t * t * (va + q * q * vb), within(1e-6));
        }
        assertThat(e.low()).isLessThan(e.ratio()).isGreaterThan(1.0);
        assertThat(e.high()).isGreaterThan(e.ratio());
        assertThat(e.intervalText()).matches("95% CI \\d\\.\\d\\d-\\d\\.\\d\\d");
    }

    @Test
    void intervalContainsOneExactlyWhenTheTestFindsNoDifference() {
        Random rnd = new Random(42);
        int checked = 0;
        for (int i = 0; i < 500; i++) {
            double[] a = new double[2 + rnd.nextInt(8)];
            double[] b = new double[2 + rnd.nextInt(8)];
            double shift = 1 + rnd.nextGaussian() * 0.1;
            for (int j = 0; j < a.length; j++) {
                a[j] = 100 * shift + rnd.nextGaussian() * 5;
            }
            for (int j = 0; j < b.length; j++) {
                b[j] = 100 + rnd.nextGaussian() * 5;
            }
            RatioEstimate e = Ratios.estimate(a, b, 0.95, Basis.FORKS);
            if (Double.isInfinite(e.high()) || Math.abs(e.pValue() - Ratios.ALPHA) < 1e-9) {
                continue;
            }
            boolean containsOne = e.low() <= 1 && 1 <= e.high();
            assertThat(containsOne).as("p=%s CI %s..%s", e.pValue(), e.low(), e.high()).isEqualTo(!e.beyondNoise());
            checked++;
        }
        assertThat(checked).isGreaterThan(400);
    }

    @Test
    void denominatorWithinNoiseOfZeroGivesAnUnboundedInterval() {
        RatioEstimate e = Ratios.estimate(new double[] {10, 11, 12}, new double[] {0.1, 5, 0.2}, 0.95, Basis.FORKS);
        assertThat(e.high()).isInfinite();
        assertThat(e.intervalText()).isEqualTo("95% CI unbounded");
    }

    @Test
    void noSpreadMeansAnyDifferenceIsReal() {
        RatioEstimate same = Ratios.estimate(new double[] {80, 80}, new double[] {80, 80, 80}, 0.95, Basis.FORKS);
        assertThat(same.beyondNoise()).isFalse();
        assertThat(same.pValue()).isEqualTo(1.0);
        RatioEstimate differ = Ratios.estimate(new double[] {80, 80}, new double[] {40, 40}, 0.95, Basis.FORKS);
        assertThat(differ.beyondNoise()).isTrue();
        assertThat(differ.ratio()).isEqualTo(2.0);
    }

    @Test
    void fewerThanTwoValuesClaimNothing() {
        RatioEstimate e = Ratios.estimate(new double[] {5}, new double[] {4, 4.5}, 0.95, Basis.FORKS);
        assertThat(Ratios.estimate(A, B, 0.95, Basis.ITERATIONS).beyondNoise()).as("one fork is never significant").isFalse();
        assertThat(Ratios.estimate(A, B, 0.95, Basis.ITERATIONS).indicative()).isTrue();
        assertThat(e.known()).isFalse();
        assertThat(e.beyondNoise()).isFalse();
        assertThat(e.ratio()).isCloseTo(5 / 4.25, within(1e-12));
        assertThat(e.intervalText()).isEmpty();
    }
}
