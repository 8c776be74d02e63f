package org.epocharena.report.verdict;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.epocharena.report.jmh.Measurement;
import org.junit.jupiter.api.Test;

class VerdictTest {

    private static Measurement thr(String impl, boolean baseline, int workers, double... samples) {
        double mean = java.util.Arrays.stream(samples).average().orElseThrow();
        String param = baseline ? "baseline" : "kind";
        return new Measurement("throughput", "ThroughputBenchmark." + (baseline ? "baseline" : "arena"), impl, baseline, workers,
                Map.of(param, impl, "workers", Integer.toString(workers)), "thrpt", "score", mean, Double.NaN, "ops/s", samples, "t.json");
    }

    @Test
    void winnerByHowMuchWithUncertaintyAndBaselinesNotRanked() {
        Verdict v = Verdict.of(List.of(
                thr("STRIPED", false, 64, 300, 310, 290),
                thr("LOCK_FREE", false, 64, 100, 105, 95),
                thr("REFERENCE", false, 64, 10, 11, 9),
                thr("JVM_NEW", true, 64, 9000, 9100, 8900)));
        Duel d = v.duels().get("throughput").get(0);
        assertThat(d.winner().implementation()).isEqualTo("STRIPED");
        assertThat(d.runnerUp().implementation()).isEqualTo("LOCK_FREE");
        assertThat(d.factor().ratio()).isEqualTo(3.0);
        assertThat(v.sentences().get("throughput"))
                .startsWith("STRIPED wins 1 of 1 points beyond the noise")
                .contains("STRIPED beats LOCK_FREE by 3.00x on ops/s, higher is better; 300 vs 100")
                .contains("95% CI").doesNotContain("JVM_NEW");
    }

    @Test
    void withinNoiseIsSaidAndNeverCalledAWin() {
        Verdict v = Verdict.of(List.of(
                thr("STRIPED", false, 2, 100, 200, 150),
                thr("LOCK_FREE", false, 2, 140, 90, 170)));
        String s = v.sentences().get("throughput");
        assertThat(s).startsWith("no design is ahead beyond the noise at any of 1 points")
                .contains("is ahead of").contains("within noise").doesNotContain("beats");
    }

    @Test
    void headlineIsTheMostThreads() {
        Verdict v = Verdict.of(List.of(
                thr("STRIPED", false, 1, 300, 310, 290), thr("LOCK_FREE", false, 1, 100, 105, 95),
                thr("STRIPED", false, 1024, 50, 51, 49), thr("LOCK_FREE", false, 1024, 500, 505, 495)));
        assertThat(v.sentences().get("throughput")).contains("LOCK_FREE wins 1, STRIPED wins 1 of 2 points")
                .contains("at ThroughputBenchmark.arena t=1024").contains("LOCK_FREE beats STRIPED by 10.00x");
    }

    @Test
    void aSingleDesignHasNoDuel() {
        assertThat(Verdict.of(List.of(thr("STRIPED", false, 1, 1, 2))).sentences()).isEmpty();
    }
}
