package org.epocharena.report.stats;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.epocharena.report.jmh.Measurement;
import org.junit.jupiter.api.Test;

class ChangeTest {

    private static Measurement m(String metric, String unit, double... samples) {
        double mean = java.util.Arrays.stream(samples).average().orElseThrow();
        return new Measurement("throughput", "ThroughputBenchmark.arena", "STRIPED", false, 4, Map.of("kind", "STRIPED"),
                "thrpt", metric, mean, Double.NaN, unit, samples, "jmh-throughput.json");
    }

    private static Change change(Measurement now, Measurement before) {
        return BaselineComparison.compare(List.of(now), List.of(before)).get(now.key());
    }

    @Test
    void throughputDropBeyondThresholdAndNoiseIsARegression() {
        Change c = change(m("score", "ops/s", 70, 71, 69, 70), m("score", "ops/s", 100, 101, 99, 100));
        assertThat(c.gated()).isTrue();
        assertThat(c.estimate().changePercent()).isCloseTo(-30, org.assertj.core.api.Assertions.within(1e-9));
        assertThat(c.regressesBeyond(10)).isTrue();
        assertThat(c.regressesBeyond(40)).isFalse();
    }

    @Test
    void latencyRiseIsARegressionAndAFallIsNot() {
        Change worse = change(m("p99", "ns/op", 130, 131, 129), m("p99", "ns/op", 100, 101, 99));
        assertThat(worse.gated()).isTrue();
        assertThat(worse.regressesBeyond(10)).isTrue();
        Change better = change(m("p99", "ns/op", 70, 71, 69), m("p99", "ns/op", 100, 101, 99));
        assertThat(better.regressesBeyond(10)).isFalse();
    }

    @Test
    void aLargeChangeWithinTheNoiseIsNotARegression() {
        Change c = change(m("score", "ops/s", 20, 120, 70), m("score", "ops/s", 100, 10, 190));
        assertThat(c.estimate().changePercent()).isLessThan(-10);
        assertThat(c.estimate().beyondNoise()).isFalse();
        assertThat(c.regressesBeyond(10)).isFalse();
    }

    @Test
    void aChangeWhosePointEstimateButNotItsIntervalPassesTheThresholdIsNotARegression() {
        Change c = change(m("score", "ops/s", 80, 95, 75, 90), m("score", "ops/s", 100, 102, 98, 100));
        assertThat(c.estimate().beyondNoise()).isTrue();
        assertThat(c.estimate().changePercent()).isLessThan(-10);
        assertThat(c.estimate().high()).isGreaterThan(0.9);
        assertThat(c.regressesBeyond(10)).isFalse();
        assertThat(c.regressesBeyond(0)).as("the interval excludes 1").isTrue();
    }

    @Test
    void onlyScoreAndTailPercentilesAreGated() {
        assertThat(change(m("p50", "ns/op", 1, 2), m("p50", "ns/op", 1, 2)).gated()).isFalse();
        assertThat(change(m("p99.9", "ns/op", 1, 2), m("p99.9", "ns/op", 1, 2)).gated()).isTrue();
        assertThat(change(m("starvedShare", "share", 1, 2), m("starvedShare", "share", 1, 2)).gated()).isFalse();
    }
}
