package org.epocharena.report.jmh;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.epocharena.runformat.Headline;
import org.epocharena.runformat.Measurement;
import org.junit.jupiter.api.Test;

/** A headline belongs to one benchmark method: a control in the same class is not the harness's figure. */
class HeadlineTest {
    private static Measurement figure(String benchmark) {
        return new Measurement("reclaim", benchmark, "A", false, 1, Map.of("impl", "A"), "ss", "score", 1.0, 0.1,
                "us/op", new double[][] {{1.0}}, "jmh-reclaim.json");
    }

    @Test
    void aHeadlineMatchesOnlyItsOwnBenchmark() {
        Headline pause = new Headline("reclaim", "pause", "pause", "score", false, "us/op", 0.05, 0.01,
                "ReclaimBenchmark.reclaim");
        assertThat(pause.matches(figure("ReclaimBenchmark.reclaim"))).isTrue();
        assertThat(pause.matches(figure("ReclaimBenchmark.reclaimColdControl"))).isFalse();
    }

    @Test
    void aHeadlineOfAnOldRunWithoutAManifestMatchesAnyBenchmarkOfItsHarness() {
        Headline any = new Headline("reclaim", "score", "score", "score", false, "us/op", 0.05, 0.01, null);
        assertThat(any.matches(figure("ReclaimBenchmark.reclaimColdControl"))).isTrue();
    }
}
