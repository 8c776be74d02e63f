package org.epocharena.report.chart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PercentileAxisTest {

    @Test
    void positionIsTheNumberOfNines() {
        assertThat(PercentileAxis.nines(0.0)).isEqualTo(0.0);
        assertThat(PercentileAxis.nines(0.9)).isCloseTo(1.0, within(1e-12));
        assertThat(PercentileAxis.nines(0.999)).isCloseTo(3.0, within(1e-9));
    }

    @Test
    void labelsReadAsPercentiles() {
        assertThat(PercentileAxis.label(0)).isEqualTo("0%");
        assertThat(PercentileAxis.label(1)).isEqualTo("90%");
        assertThat(PercentileAxis.label(2)).isEqualTo("99%");
        assertThat(PercentileAxis.label(3)).isEqualTo("99.9%");
        assertThat(PercentileAxis.label(6)).isEqualTo("99.9999%");
        assertThat(PercentileAxis.label(0.5)).isEqualTo("68%");
        assertThat(PercentileAxis.label(2.5)).isEqualTo("99.68%");
        assertThat(PercentileAxis.label(-0.5)).isEmpty();
    }

    /** XChart's tick search only ends once every label differs; at whole steps they must, however far out. */
    @Test
    void wholeStepsGiveDistinctLabelsFarIntoTheTail() {
        for (int step = 1; step <= 10; step++) {
            Set<String> seen = new HashSet<>();
            for (int k = 0; k <= 40; k += step) {
                assertThat(seen.add(PercentileAxis.label(k))).as("label of %d nines", k).isTrue();
            }
        }
    }
}
