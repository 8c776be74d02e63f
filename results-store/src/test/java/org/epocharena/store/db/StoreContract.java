package org.epocharena.store.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.epocharena.runformat.Measurement;
import org.epocharena.store.TestRuns;
import org.epocharena.store.run.BadRunException;
import org.epocharena.store.run.RunFolder;
import org.epocharena.store.run.RunRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What every store must do, whatever database is behind the URL; one subclass per database.
 * Each test gets an empty store from {@link #emptyStoreUrl()}.
 */
abstract class StoreContract {
    @TempDir
    Path dir;

    /** A JDBC URL of an empty store, fresh for this test. */
    abstract String emptyStoreUrl() throws Exception;

    ResultsStore open() throws Exception {
        return ResultsStore.open(emptyStoreUrlOnce(), null, null, true);
    }

    private String url;

    String emptyStoreUrlOnce() throws Exception {
        if (url == null) {
            url = emptyStoreUrl();
        }
        return url;
    }

    static long count(ResultsStore store, String table) throws SQLException {
        try (Statement s = store.connection().createStatement(); ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    static long[] counts(ResultsStore store) throws SQLException {
        return new long[] {count(store, "machine"), count(store, "run"), count(store, "figure"), count(store, "sample")};
    }

    @Test
    void recordsEveryRunOnceAndReadsItBack() throws Exception {
        try (ResultsStore store = open()) {
            for (String r : TestRuns.ALL) {
                assertThat(store.record(RunFolder.read(TestRuns.fixture(r)))).isEqualTo(ResultsStore.Outcome.IMPORTED);
            }
            long[] after = counts(store);
            assertThat(after[0]).as("machines").isEqualTo(2);
            assertThat(after[1]).as("runs").isEqualTo(7);
            assertThat(after[2]).as("figures").isEqualTo(7L * TestRuns.FIGURES_PER_RUN);
            assertThat(after[3]).as("samples: 2 forks x 3 iterations per figure").isEqualTo(7L * TestRuns.FIGURES_PER_RUN * 6);

            // Re-importing, also from another path, is a no-op.
            for (String r : TestRuns.ALL) {
                assertThat(store.record(RunFolder.read(TestRuns.copy(r, dir)))).isEqualTo(ResultsStore.Outcome.ALREADY_STORED);
            }
            assertThat(counts(store)).isEqualTo(after);

            List<StoredRun> runs = HistoryQuery.runs(store);
            assertThat(runs).extracting(StoredRun::startedAt).isSorted();
            assertThat(runs).extracting(StoredRun::gitCommit)
                    .containsExactly(TestRuns.C1, TestRuns.C1, TestRuns.C1, TestRuns.C1, TestRuns.C2, TestRuns.C2, TestRuns.C2);
            List<StoredFigure> figures = HistoryQuery.figures(store, runs);
            assertThat(figures).hasSize(7 * TestRuns.FIGURES_PER_RUN);

            // Every value comes back as it went in.
            RunRecord a3 = RunFolder.read(TestRuns.fixture("a-3"));
            for (Measurement in : a3.figures()) {
                StoredFigure out = figures.stream().filter(f -> f.run().id().equals(a3.contentHash())
                        && f.benchmark().equals(in.benchmark()) && f.impl().equals(in.implementation())
                        && f.threads() == in.threads() && f.params().equals(a3.setting(in))
                        && f.metric().equals(in.metric())).findFirst().orElseThrow();
                assertThat(out.score()).isEqualTo(in.value());
                assertThat(out.error()).isEqualTo(in.error());
                assertThat(out.unit()).isEqualTo(in.unit());
                assertThat(out.baseline()).isEqualTo(in.baseline());
                // offset 0: equal values, except that SQLite keeps -0.0 as 0.0
                assertThat(out.samples()).containsExactly(in.samples(), org.assertj.core.data.Offset.offset(0.0));
            }
            assertThat(figures.get(0).run().catalog()).isNotNull();
        }
    }

    @Test
    void aRefusedRunWritesNothing() throws Exception {
        Path bad = TestRuns.copy("a-3", dir);
        Files.writeString(bad.resolve("raw/jmh-throughput.json"), "[{\"benchmark\": \"x\"");
        try (ResultsStore store = open()) {
            assertThatThrownBy(() -> store.record(RunFolder.read(bad))).isInstanceOf(BadRunException.class);
            assertThat(counts(store)).containsExactly(0, 0, 0, 0);
        }
    }

    @Test
    void aFailureHalfwayRollsTheWholeRunBack() throws Exception {
        RunRecord good = RunFolder.read(TestRuns.fixture("a-1"));
        // The last figure has no unit: its insert breaks a NOT NULL constraint after the machine, the run and
        // every other figure were sent.
        List<Measurement> broken = new java.util.ArrayList<>(good.figures());
        broken.add(new Measurement("h", "b", "X", false, 1, java.util.Map.of(), "thrpt", "score", 1, 0, null,
                new double[0][], "x.json"));
        try (ResultsStore store = open()) {
            assertThatThrownBy(() -> store.record(withFigures(good, broken))).isInstanceOf(SQLException.class);
            assertThat(counts(store)).containsExactly(0, 0, 0, 0);
            assertThat(store.record(good)).as("the store still works").isEqualTo(ResultsStore.Outcome.IMPORTED);
        }
    }

    @Test
    void aMissingNumberIsStoredAsNullAndReadBackAsNaN() throws Exception {
        RunRecord good = RunFolder.read(TestRuns.fixture("a-1"));
        List<Measurement> more = new java.util.ArrayList<>(good.figures());
        more.add(new Measurement("h", "b", "X", false, 1, java.util.Map.of(), "thrpt", "score", Double.NaN, Double.NaN,
                "ops/s", new double[][] {{1, Double.NaN, 2}, {3}}, "x.json"));
        try (ResultsStore store = open()) {
            assertThat(store.record(withFigures(good, more))).isEqualTo(ResultsStore.Outcome.IMPORTED);
            StoredFigure nan = HistoryQuery.figures(store, HistoryQuery.runs(store)).stream()
                    .filter(f -> f.impl().equals("X")).findFirst().orElseThrow();
            assertThat(nan.score()).isNaN();
            assertThat(nan.error()).isNaN();
            assertThat(nan.samples()).as("a missing sample is left out").containsExactly(1, 2, 3);
        }
    }

    private static RunRecord withFigures(RunRecord r, List<Measurement> figures) {
        return new RunRecord(r.contentHash(), r.machine(), r.gitCommit(), r.profile(), r.startedAt(), r.commandLine(),
                r.sourcePath(), r.envJson(), r.manifestJson(), r.catalog(), figures);
    }

    @Test
    void reopeningKeepsTheSchemaAndTheData() throws Exception {
        try (ResultsStore store = open()) {
            store.record(RunFolder.read(TestRuns.fixture("b-1")));
        }
        try (ResultsStore again = ResultsStore.open(emptyStoreUrlOnce(), null, null, false)) {
            assertThat(count(again, "run")).isEqualTo(1);
            assertThat(count(again, "flyway_schema_history")).as("each migration once: V1 and V2").isEqualTo(2);
        }
    }

    /** Figures stored under the first schema's names read back under the report's, values in the new unit. */
    @Test
    void aStoreOfTheFirstSchemaTakesTheReportsNamesWhenItIsOpened() throws Exception {
        String url = emptyStoreUrlOnce();
        org.flywaydb.core.Flyway.configure().dataSource(url, null, null).locations("classpath:db/migration").target("1")
                .load().migrate();
        try (java.sql.Connection c = java.sql.DriverManager.getConnection(url); Statement s = c.createStatement()) {
            s.executeUpdate("INSERT INTO machine VALUES ('m', 'cpu', 2, 1, 'os', 'jvm', '17', '')");
            s.executeUpdate("INSERT INTO run VALUES ('r', 'm', 'c', 'quick', '2026-01-01T00:00:00Z', '', '/r', "
                    + "'2026-01-01T00:00:00Z', '{}', NULL)");
            s.executeUpdate("INSERT INTO figure VALUES ('r', 0, 'jmh-throughput.json', 'throughput', "
                    + "'org.epocharena.bench.throughput.ThroughputBenchmark.run', 'STRIPED', 0, 'mix=MIXED', 'thrpt', 64, '', "
                    + "'ops/s', 100.0, 1.0)");
            s.executeUpdate("INSERT INTO figure VALUES ('r', 1, 'latency-STRIPED-t1.hlog', 'latency', 'latency.hdr', "
                    + "'STRIPED', 0, '', 'hdr', 1, 'p99', 'ns', 1500.0, 30.0)");
            s.executeUpdate("INSERT INTO sample VALUES ('r', 0, 0, 0, 99.0)");
            s.executeUpdate("INSERT INTO sample VALUES ('r', 1, 0, 0, 1400.0)");
        }
        try (ResultsStore store = ResultsStore.open(url, null, null, false)) {
            List<StoredFigure> figures = HistoryQuery.figures(store, HistoryQuery.runs(store));
            assertThat(figures).hasSize(2);
            StoredFigure thr = figures.get(0);
            assertThat(List.of(thr.benchmark(), thr.metric(), thr.unit())).containsExactly("ThroughputBenchmark.run", "score",
                    "ops/s");
            assertThat(thr.score()).isEqualTo(100.0);
            assertThat(thr.samples()).containsExactly(99.0);
            StoredFigure p99 = figures.get(1);
            assertThat(List.of(p99.benchmark(), p99.metric(), p99.unit())).containsExactly("HdrHistogram", "p99", "us");
            assertThat(p99.score()).isEqualTo(1.5);
            assertThat(p99.error()).isEqualTo(0.03);
            assertThat(p99.samples()).containsExactly(1.4);
        }
    }
}
