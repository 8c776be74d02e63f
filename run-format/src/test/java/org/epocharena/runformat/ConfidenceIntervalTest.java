package org.epocharena.runformat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class ConfidenceIntervalTest {

    @Test
    void matchesTheErrorJmhPrintedForTheSameIterations() {
        // run-a jmh-throughput-workers.json, REFERENCE workers=64: rawData and JMH's own scoreError.
        double[] raw = {1118.0448059573212, 1767.0423121866288, 1916.5255563065552};
        assertThat(ConfidenceInterval.halfWidth(raw, ConfidenceInterval.JMH_LEVEL)).isCloseTo(7744.148725502314, within(1e-6));
    }

    @Test
    void knownStudentInterval() {
        // mean 2, sd 1, n 3: t(0.975, 2) = 4.302653 -> 4.302653 / sqrt(3) = 2.484138
        assertThat(ConfidenceInterval.halfWidth(new double[] {1, 2, 3}, 0.95)).isCloseTo(2.484138, within(1e-6));
        assertThat(ConfidenceInterval.halfWidth(new double[] {1}, 0.95)).isNaN();
    }
}
