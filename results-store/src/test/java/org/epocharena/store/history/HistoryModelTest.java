package org.epocharena.store.history;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.epocharena.store.TestRuns;
import org.epocharena.store.db.HistoryQuery;
import org.epocharena.store.db.ResultsStore;
import org.epocharena.store.db.StoredFigure;
import org.epocharena.store.db.StoredRun;
import org.epocharena.store.run.RunFolder;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The history drawn from the seven test runs finds exactly what generate.py planted, and nothing else. */
class HistoryModelTest {
    @TempDir
    static Path dir;
    static List<StoredRun> runs;
    static List<StoredFigure> figures;

    @BeforeAll
    static void store() throws Exception {
        try (ResultsStore store = ResultsStore.open("jdbc:sqlite:" + dir.resolve("h.db"), null, null, true)) {
            for (String r : TestRuns.ALL) {
                store.record(RunFolder.read(TestRuns.fixture(r)));
            }
            runs = HistoryQuery.runs(store);
            figures = HistoryQuery.figures(store, runs);
        }
    }

    private static HistoryModel model() {
        return HistoryModel.build(runs, figures, s -> true, HistoryPage.ALPHA);
    }

    @Test
    void findsThePlantedChangesOnBothMachinesAndNoOther() {
        List<HistoryModel.ChangeRow> changes = model().changes();
        assertThat(changes).extracting(c -> c.trend().machine().cores() + " " + c.impl() + " " + c.trend().key().title())
                .containsExactlyInAnyOrder(
                        "2 STRIPED ThroughputBenchmark.run score, mix=MIXED, 64 threads",
                        "64 STRIPED ThroughputBenchmark.run score, mix=MIXED, 64 threads",
                        "2 LOCK_FREE LatencyBenchmark.allocate p99.99, 1 thread",
                        "64 LOCK_FREE LatencyBenchmark.allocate p99.99, 1 thread");
        assertThat(changes).allSatisfy(c -> {
            assertThat(c.before().run().gitCommit()).isEqualTo(TestRuns.C1);
            assertThat(c.after().run().gitCommit()).isEqualTo(TestRuns.C2);
            assertThat(c.change().changePercent()).isBetween(c.impl().equals("STRIPED") ? -35.0 : 85.0,
                    c.impl().equals("STRIPED") ? -25.0 : 115.0);
            // Machine A has repeated runs: the run is the unit; B has one run a commit: iterations, marked.
            assertThat(c.change().singleRuns()).isEqualTo(c.trend().machine().cores() == 64);
        });
    }

    @Test
    void trendsEveryFigureWithTwoRunsPercentilesAndSecondariesIncluded() {
        HistoryModel m = model();
        // Per machine: throughput 2 points x (score, starvedShare), latency score/p50/p99/p99.99, garbage score/B/op.
        assertThat(m.trends()).hasSize(20);
        assertThat(m.trends()).extracting(t -> t.key().metric()).contains("score", "p99.99", "gc.alloc.rate.norm", "starvedShare");
        Trend a = m.trends().stream().filter(t -> t.machine().cores() == 2).findFirst().orElseThrow();
        assertThat(a.runs()).hasSize(5);
        assertThat(a.byImpl()).containsOnlyKeys("JVM_NEW", "LOCK_FREE", "STRIPED");
        assertThat(HistoryModel.build(runs, figures, s -> s.contains("p99.99"), HistoryPage.ALPHA).trends()).hasSize(2);
    }

    @Test
    void saysWhereTheWinningDesignDiffersBetweenMachines() {
        MachinesView v = model().machinesView();
        assertThat(v.latest()).hasSize(2);
        assertThat(v.latest()).extracting(StoredRun::gitCommit).containsOnly(TestRuns.C2);
        List<MachinesView.Row> differ = v.differing();
        assertThat(differ).extracting(r -> r.key().title())
                .containsExactly("ThroughputBenchmark.run score, mix=MIXED, 64 threads");
        MachinesView.Row row = differ.get(0);
        for (int i = 0; i < v.latest().size(); i++) {
            String expected = v.latest().get(i).machine().cores() == 2 ? "STRIPED" : "LOCK_FREE";
            assertThat(row.winners().get(i)).hasValueSatisfying(w -> {
                assertThat(w.impl()).isEqualTo(expected);
                assertThat(w.clear()).isTrue();
            });
        }
        MachinesView.Row oneWorker = v.rows().stream()
                .filter(r -> r.key().title().equals("ThroughputBenchmark.run score, mix=MIXED, 1 thread")).findFirst().orElseThrow();
        assertThat(oneWorker.winnerDiffers()).isFalse();
        assertThat(oneWorker.winners()).allSatisfy(w -> assertThat(w).hasValueSatisfying(x -> assertThat(x.impl()).isEqualTo("STRIPED")));
        MachinesView.Row starved = v.rows().stream().filter(r -> r.key().metric().equals("starvedShare")).findFirst().orElseThrow();
        assertThat(starved.winners()).as("no better direction for an aux counter: no winner").allMatch(w -> w.isEmpty());
    }

    @Test
    void writesThePageAndAChartThatDecodesPerTrend() throws Exception {
        Path out = dir.resolve("page");
        HistoryPage.Summary s = HistoryPage.write(runs, figures, x -> true, "jdbc:sqlite:h.db", out);
        assertThat(s).isEqualTo(new HistoryPage.Summary(7, 2, 20, 4, 1));
        String html = Files.readString(out.resolve("index.html"));
        assertThat(html).contains("id=\"machines-table\"", "id=\"change-table\"", "Binary segmentation with a t-test",
                "winner differs");
        try (var pngs = Files.list(out.resolve("charts"))) {
            List<Path> files = pngs.toList();
            assertThat(files).as("20 trends and the machines chart of the one figure whose winner differs").hasSize(21);
            for (Path p : files) {
                BufferedImage img = ImageIO.read(p.toFile());
                assertThat(img).as(p.toString()).isNotNull();
                assertThat(img.getWidth()).isEqualTo(p.getFileName().toString().startsWith("machines")
                        ? MachinesChart.WIDTH : TrendChart.WIDTH);
            }
        }
    }

    @Test
    void neverTrendsRunsOfDifferentProfilesTogether() {
        // a-4 and a-5 (the runs of the second commit on machine A) become smoke runs.
        java.util.Map<StoredRun, StoredRun> changed = new java.util.HashMap<>();
        List<StoredRun> mixed = runs.stream().map(r -> {
            StoredRun n = r.machine().cores() == 2 && r.gitCommit().equals(TestRuns.C2) ? new StoredRun(r.id(), r.machine(),
                    r.gitCommit(), "smoke", r.startedAt(), r.sourcePath(), r.catalog()) : r;
            changed.put(r, n);
            return n;
        }).toList();
        List<StoredFigure> remapped = figures.stream().map(f -> new StoredFigure(changed.get(f.run()), f.harness(),
                f.benchmark(), f.impl(), f.baseline(), f.params(), f.mode(), f.threads(), f.metric(), f.unit(), f.score(),
                f.error(), f.samples())).toList();
        HistoryModel m = HistoryModel.build(mixed, remapped, x -> true, HistoryPage.ALPHA);
        assertThat(m.changes()).as("machine A: a quick trend of one commit, and a lone smoke run").extracting(
                c -> c.trend().machine().cores()).containsOnly(64);
        assertThat(m.trends()).allSatisfy(t -> assertThat(t.runs()).extracting(StoredRun::profile).containsOnly(t.profile()));
        // The newest run (a-5) is a smoke run: the machines view shows smoke runs, of which B has none.
        assertThat(m.machinesView().profile()).isEqualTo("smoke");
        assertThat(m.machinesView().latest()).extracting(StoredRun::id).containsExactly(runs.get(runs.size() - 1).id());
    }

    @Test
    void anEmptyStoreGivesAPageThatSaysSo() throws Exception {
        Path out = dir.resolve("empty");
        assertThat(HistoryPage.write(List.of(), List.of(), x -> true, "jdbc:sqlite:none.db", out))
                .isEqualTo(new HistoryPage.Summary(0, 0, 0, 0, 0));
        assertThat(Files.readString(out.resolve("index.html"))).contains("The store holds no run yet");
    }

    @Test
    void labelsRunsOfTheSameCommitApart() {
        List<StoredRun> a = runs.stream().filter(r -> r.machine().cores() == 2).toList();
        assertThat(TrendChart.labels(a)).containsExactly("1111111", "1111111\u00b72", "1111111\u00b73", "2222222", "2222222\u00b72");
    }

    @Test
    void writesNumbersWithThreeDigitsAndAScale() {
        assertThat(HistoryPage.num(9_921_000)).isEqualTo("9921 k");
        assertThat(HistoryPage.num(89_600_000)).isEqualTo("89.6 M");
        assertThat(HistoryPage.num(5690.4)).isEqualTo("5690");
        assertThat(HistoryPage.num(0.013512)).isEqualTo("0.0135");
        assertThat(HistoryPage.num(0)).isEqualTo("0");
        assertThat(HistoryPage.num(Double.NaN)).isEqualTo("n/a");
    }
}
