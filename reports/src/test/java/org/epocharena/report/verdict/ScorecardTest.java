package org.epocharena.report.verdict;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.epocharena.report.Fixtures;
import org.epocharena.report.fixture.SyntheticRun;
import org.epocharena.report.jmh.RunData;
import org.epocharena.report.jmh.RunLoader;
import org.epocharena.report.stats.Basis;
import org.epocharena.runformat.Headline;
import org.epocharena.runformat.Measurement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScorecardTest {

    @Test
    void oneRowPerImplementationDesignsFirstAndTheReviewersColumns() {
        Scorecard s = Scorecard.of(new RunLoader().load(Fixtures.path("run-c")));
        assertThat(s.rows().keySet()).containsExactly("REFERENCE", "SYNCHRONIZED", "STAMPED_LOCK", "STRIPED", "LOCK_FREE",
                "JVM_NEW", "NETTY_POOLED");
        assertThat(s.columns()).extracting(Column::title).contains("allocations/s at 1 thread", "allocations/s at 2 threads",
                "allocations/s at 1024 threads", "allocate p99.99 at 1024 threads", "reclaim pause, liveBlocks=100000",
                "failed-allocation cost", "heap B/op at 2 threads");
        int heap = titles(s).indexOf("heap B/op at 2 threads");
        for (String d : SyntheticRun.DESIGNS) {
            assertThat(s.rows().get(d).get(heap).tone()).as(d + " heap: all zero garbage").isIn(Cell.Tone.BEST, Cell.Tone.TIE);
        }
        assertThat(s.rows().get("JVM_NEW").get(heap).tone()).isEqualTo(Cell.Tone.FAR);
        int most = titles(s).indexOf("allocations/s at 1024 threads");
        assertThat(s.rows().get("LOCK_FREE").get(most).tone()).isEqualTo(Cell.Tone.BEST);
        assertThat(s.latencyBound().get("LOCK_FREE").status()).isEqualTo(Bound.Status.MET);
        assertThat(s.latencyBound().get("REFERENCE").status()).isEqualTo(Bound.Status.NOT_MET);
        assertThat(s.weakestBasis()).isEqualTo(Basis.ITERATIONS);
        // A tie is within the practical floor; a difference past it that the interval cannot confirm is unclear.
        for (int c = 0; c < s.columns().size(); c++) {
            Headline h = s.columns().get(c).headline();
            for (List<Cell> cells : s.rows().values()) {
                Cell cell = cells.get(c);
                if (cell != null && cell.tone() == Cell.Tone.TIE) {
                    assertThat(h.practicallyDifferent(cell.figure().value(), cell.best())).isFalse();
                }
                if (cell != null && cell.tone() == Cell.Tone.UNCLEAR) {
                    assertThat(h.practicallyDifferent(cell.figure().value(), cell.best())).isTrue();
                    assertThat(cell.behind().excludesOne()).isFalse();
                }
            }
        }
        // A cell is behind only with an interval that excludes 1.
        s.rows().values().forEach(cells -> cells.stream().filter(c -> c != null && c.behind() != null
                && (c.tone() == Cell.Tone.BEHIND || c.tone() == Cell.Tone.FAR)).forEach(c -> assertThat(c.behind().excludesOne()).isTrue()));
    }

    @Test
    void oneForkSaysIndicativeAndNeverBeatsWhileFiveForksMayClaim(@TempDir Path dir) {
        List<String> one = Recommendation.sentences(Scorecard.of(new RunLoader().load(Fixtures.path("run-c"))));
        assertThat(one).isNotEmpty().noneMatch(x -> x.contains("beats"));
        assertThat(one).filteredOn(x -> x.contains("CI")).allMatch(x -> x.contains("indicative: one fork"));
        assertThat(one).anyMatch(x -> x.matches("From \\d+ to 1024 threads LOCK_FREE has the highest allocations/s: .*"));
        assertThat(one).anyMatch(x -> x.contains("are the same on") && x.contains("heap B/op (all below 1 B/op)"));
        assertThat(one).anyMatch(x -> x.startsWith("JVM_NEW (baseline") && x.contains("80."));
        RunData five = new RunLoader().load(new SyntheticRun().forks(5).seed(3).write(dir.resolve("five")));
        List<String> many = Recommendation.sentences(Scorecard.of(five));
        // With five forks JMH figures rest on fork means; HdrHistogram percentiles (intervals of an unknown fork split) stay indicative.
        assertThat(many).anyMatch(x -> x.startsWith("LOCK_FREE has the lowest failed-allocation cost") && x.contains("CI")
                && !x.contains("indicative"));
        assertThat(many).filteredOn(x -> x.contains("allocate p99")).allMatch(x -> !x.contains("CI") || x.contains("indicative"));
    }

    @Test
    void aColumnNoDesignReachedIsJudgedAgainstItsBestBaseline() {
        RunData full = new RunLoader().load(Fixtures.path("run-c"));
        // As when every design's trial of one harness failed: only the baselines have its figures.
        List<Measurement> some = full.measurements().stream()
                .filter(m -> !m.harness().equals("reclaim") || full.catalog().isBaseline(m.implementation())).toList();
        RunData run = new RunData(full.folder(), some, full.curves(), full.environment(), full.rawFiles(), full.warnings(),
                full.catalog(), full.held());
        Scorecard s = Scorecard.of(run);
        int col = java.util.stream.IntStream.range(0, s.columns().size())
                .filter(i -> s.columns().get(i).headline().harness().equals("reclaim")).findFirst().orElseThrow();
        List<String> best = s.rows().entrySet().stream()
                .filter(e -> e.getValue().get(col) != null && e.getValue().get(col).tone() == Cell.Tone.BEST)
                .map(java.util.Map.Entry::getKey).toList();
        assertThat(best).hasSize(1).allMatch(run.catalog()::isBaseline);
        assertThat(s.rows().get("LOCK_FREE").get(col)).isNull();
    }

    private static List<String> titles(Scorecard s) {
        return s.columns().stream().map(Column::title).toList();
    }
}
