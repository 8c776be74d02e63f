package org.epocharena.bench.suite;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.epocharena.ArenaKind;
import org.epocharena.bench.alloc.Baseline;
import org.epocharena.report.jmh.RunData;
import org.epocharena.report.jmh.RunLoader;
import org.epocharena.runformat.Headline;
import org.epocharena.runformat.Measurement;
import org.epocharena.store.db.HistoryQuery;
import org.epocharena.store.db.ResultsStore;
import org.epocharena.store.db.StoredFigure;
import org.epocharena.store.run.RunFolder;
import org.epocharena.store.run.RunRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One real, tiny run of every harness through the JMH Runner (in this JVM, {@code -f 0}, one short
 * iteration), for one design and one baseline, to check the run folder the report reads: env.json,
 * manifest.json (every implementation with its role, every harness with headlines whose metric the
 * harness really emits), the JMH JSON with one {@code impl} param, the side files and the progress
 * line. Timing figures are not checked: a test checks behaviour.
 */
class SuiteRunTest {
    @TempDir
    static Path tmp;

    private static Path runDir;
    private static String stdout;
    private static int exit;
    private static final String DESIGN = ArenaKind.values()[0].name();

    @BeforeAll
    static void runEveryHarnessOnce() {
        // Another JMH on this shared machine holds JMH's global lock; this in-process run does not measure anything.
        System.setProperty("jmh.ignoreLock", "true");
        runDir = tmp.resolve("run");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        exit = Suite.run(new String[] {"--profile", "smoke", "--out", runDir.toString(), "--impls", DESIGN + ",JVM_NEW",
            "--threads", "1", "--", "-f", "0", "-wi", "0", "-i", "1", "-r", "20ms", "-p", "liveBlocks=10"},
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        stdout = out.toString(StandardCharsets.UTF_8) + "\nstderr:\n" + err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void theRunSucceedsAndWritesEnvConsoleAndSideFiles() throws Exception {
        assertThat(exit).as(stdout).isEqualTo(Suite.OK);
        assertThat(stdout).contains("[1/").contains("elapsed").contains("# Run progress");
        JsonObject env = JsonParser.parseString(Files.readString(runDir.resolve("env.json"))).getAsJsonObject();
        assertThat(env.keySet()).contains("cpuModel", "cores", "memoryBytes", "os", "jvmName", "jvmVersion", "jvmPath",
                "jvmFlags", "gitCommit", "profile", "commandLine", "startedAt", "harnesses", "impls");
        assertThat(runDir.resolve("raw/console.log")).isNotEmptyFile();
        assertThat(runDir.resolve("raw/hdr/latency-JVM_NEW-t1.hlog")).isNotEmptyFile();
        assertThat(runDir.resolve("raw/held/" + DESIGN + ".csv")).isNotEmptyFile();
        assertThat(runDir.resolve("raw/held/JVM_NEW.csv")).isNotEmptyFile();
    }

    @Test
    void everyResultNamesItsImplementationWithTheOneParam() throws Exception {
        for (JsonObject r : results()) {
            JsonObject params = r.getAsJsonObject("params");
            assertThat(params.keySet()).contains("impl").doesNotContain("kind", "baseline");
            assertThat(params.get("impl").getAsString()).isIn(DESIGN, "JVM_NEW");
        }
    }

    @Test
    void theManifestListsEveryImplementationWithItsRoleAndWhatRan() throws Exception {
        assertThat(exit).as(stdout).isEqualTo(Suite.OK);
        JsonObject manifest = JsonParser.parseString(Files.readString(runDir.resolve("manifest.json"))).getAsJsonObject();
        assertThat(manifest.get("schema").getAsInt()).isEqualTo(1);
        assertThat(manifest.get("cores").getAsInt()).isPositive();
        Map<String, JsonObject> impls = new HashMap<>();
        for (JsonElement e : manifest.getAsJsonArray("implementations")) {
            impls.put(e.getAsJsonObject().get("name").getAsString(), e.getAsJsonObject());
        }
        for (ArenaKind k : ArenaKind.values()) {
            assertThat(impls).containsKey(k.name());
            assertThat(impls.get(k.name()).get("baseline").getAsBoolean()).isFalse();
        }
        for (Baseline b : Baseline.values()) {
            assertThat(impls).containsKey(b.name());
            assertThat(impls.get(b.name()).get("baseline").getAsBoolean()).isTrue();
            assertThat(impls.get(b.name()).get("description").getAsString()).isNotBlank();
        }
        assertThat(impls.get(DESIGN).get("ran").getAsBoolean()).isTrue();
        assertThat(impls.get("JVM_NEW").get("ran").getAsBoolean()).isTrue();
        JsonObject unselected = impls.get(Baseline.NETTY_POOLED.name());
        assertThat(unselected.get("ran").getAsBoolean()).isFalse();
        assertThat(unselected.get("notRunReason").getAsString()).contains("not selected");
    }

    @Test
    void everyHarnessHasAHeadlineItsBenchmarkReallyEmits() throws Exception {
        assertThat(exit).as(stdout).isEqualTo(Suite.OK);
        JsonObject manifest = JsonParser.parseString(Files.readString(runDir.resolve("manifest.json"))).getAsJsonObject();
        List<JsonObject> results = results();
        JsonArray harnesses = manifest.getAsJsonArray("harnesses");
        List<String> declared = new ArrayList<>();
        harnesses.forEach(h -> declared.add(h.getAsJsonObject().get("name").getAsString()));
        assertThat(declared).containsAll(HarnessRegistry.ids());
        for (JsonElement h : harnesses) {
            JsonObject harness = h.getAsJsonObject();
            String benchmark = harness.get("benchmark").getAsString();
            List<JsonObject> mine = results.stream().filter(r -> r.get("benchmark").getAsString().equals(benchmark)).toList();
            assertThat(mine).as("results of %s", benchmark).isNotEmpty();
            assertThat(harness.getAsJsonArray("headlines")).isNotEmpty();
            for (JsonElement hl : harness.getAsJsonArray("headlines")) {
                JsonObject headline = hl.getAsJsonObject();
                String metric = headline.get("metric").getAsString();
                assertThat(headline.get("better").getAsString()).isIn("higher", "lower");
                for (JsonObject r : mine) {
                    if (headline.has("source")) {
                        // figures from the harness's HdrHistogram logs, one per implementation and thread count
                        assertThat(headline.get("source").getAsString()).isEqualTo("hdr");
                        assertThat(runDir.resolve("raw/hdr/" + harness.get("name").getAsString() + "-"
                                + r.getAsJsonObject("params").get("impl").getAsString() + "-t" + r.get("threads").getAsInt()
                                + ".hlog")).isNotEmptyFile();
                    } else if (metric.isEmpty()) {
                        assertThat(r.getAsJsonObject("primaryMetric").has("score")).isTrue();
                    } else {
                        assertThat(r.getAsJsonObject("secondaryMetrics").keySet()).as("%s emits %s", benchmark, metric)
                                .contains(metric);
                    }
                }
            }
            if (harness.has("threadsParam")) {
                assertThat(mine.get(0).getAsJsonObject("params").has(harness.get("threadsParam").getAsString())).isTrue();
            }
        }
    }

    /**
     * The run folder as the report reads it and as the store keeps it (imported into an SQLite store and
     * read back): the same figures in the same order, with the same values, units, directions and floors.
     */
    @Test
    void theReportAndTheStoreReadTheRunFigureByFigure() throws Exception {
        assertThat(exit).as(stdout).isEqualTo(Suite.OK);
        RunData report = new RunLoader().load(runDir);
        RunRecord record = RunFolder.read(runDir);
        List<StoredFigure> stored;
        try (ResultsStore store = ResultsStore.open("jdbc:sqlite:" + tmp.resolve("results.db"), null, null, true)) {
            store.record(record);
            stored = HistoryQuery.figures(store, HistoryQuery.runs(store));
        }
        List<Measurement> read = report.measurements();
        assertThat(stored).hasSameSizeAs(read);
        assertThat(read).extracting(Measurement::harness).contains("latency", "throughput", "allocation", "oom", "held",
                "reclaim");
        assertThat(read).as("the interval logs' figures").anyMatch(m -> m.mode().equals("hdr"));
        for (int i = 0; i < read.size(); i++) {
            Measurement m = read.get(i);
            StoredFigure f = stored.get(i);
            String what = m.key();
            assertThat(List.of(f.harness(), f.benchmark(), f.impl(), f.mode(), f.metric(), f.unit(), f.params()))
                    .as(what).containsExactly(m.harness(), m.benchmark(), m.implementation(), m.mode(), m.metric(), m.unit(),
                            record.setting(m));
            assertThat(f.threads()).as(what).isEqualTo(m.threads());
            assertThat(f.baseline()).as(what).isEqualTo(m.baseline());
            assertThat(f.score()).as(what).isEqualTo(m.value(), org.assertj.core.data.Offset.offset(0.0));
            if (Double.isFinite(m.error())) {
                assertThat(f.error()).as(what).isEqualTo(m.error());
            } else {
                assertThat(f.error()).as(what).isNaN();
            }
            Headline reportFloor = report.catalog().floorOf(m);
            Headline storeFloor = f.floor();
            assertThat(storeFloor.floorRelative()).as(what).isEqualTo(reportFloor.floorRelative());
            assertThat(storeFloor.floorAbsolute()).as(what).isEqualTo(reportFloor.floorAbsolute());
            assertThat(storeFloor.higherBetter()).as(what).isEqualTo(reportFloor.higherBetter());
            assertThat(storeFloor.unit()).as(what).isEqualTo(reportFloor.unit());
            assertThat(f.direction()).as(what).isEqualTo(report.catalog().directionOf(m));
        }
        Measurement p99 = read.stream().filter(m -> m.mode().equals("hdr") && m.metric().equals("p99")).findFirst()
                .orElseThrow();
        Headline tail = report.catalog().floorOf(p99);
        assertThat(tail.id()).as("an interval-log p99 is the latency harness's headline").isEqualTo("p99");
        assertThat(tail.unit()).as("and its floors are in the unit of its figures").isEqualTo(p99.unit());
    }

    private static List<JsonObject> results() throws Exception {
        List<JsonObject> all = new ArrayList<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(runDir.resolve("raw"), "jmh-*.json")) {
            for (Path f : files) {
                for (JsonElement e : JsonParser.parseString(Files.readString(f)).getAsJsonArray()) {
                    all.add(e.getAsJsonObject());
                }
            }
        }
        return all;
    }
}
