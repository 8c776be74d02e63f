package org.epocharena.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The CLI end to end: outputs, exit codes, one-line errors, and that a failure overwrites nothing. */
@Timeout(value = 180, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD) // hang guard only
class ReportCliTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private PrintStream stdout;
    private PrintStream stderr;

    @BeforeEach
    void capture() {
        stdout = System.out;
        stderr = System.err;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restore() {
        System.setOut(stdout);
        System.setErr(stderr);
    }

    private String stderr() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void runFolderGetsTheWholeReport(@TempDir Path dir) throws IOException {
        Path run = Fixtures.copy("run-b", dir);
        assertThat(ReportCli.execute("--run", run.toString())).isEqualTo(0);
        assertThat(run.resolve("results.csv")).isNotEmptyFile();
        assertThat(run.resolve("summary.md")).content().contains("## Verdict").contains("throughput");
        String html = Files.readString(run.resolve("index.html"));
        assertThat(html.indexOf("id=\"verdict\"")).isLessThan(html.indexOf("<h2>Charts")).isPositive();
        assertThat(html.indexOf("<h2>Charts")).isLessThan(html.indexOf("<h2>Environment"));
        assertThat(html).contains("charts/throughput.png").contains("href=\"raw/jmh-latency.json\"").contains("href=\"env.json\"");
        assertThat(html).doesNotContain("http://").doesNotContain("https://").doesNotContain("<script");
        try (Stream<Path> charts = Files.list(run.resolve("charts"))) {
            assertThat(charts.map(p -> p.getFileName().toString())).contains("throughput.png", "throughput.svg",
                    "latency-spectrum-t1.png", "reclaim-pause.svg", "heap-bytes-per-op.png");
        }
        assertThat(ImageIO.read(run.resolve("charts/latency-spectrum-t1.png").toFile())).isNotNull();
        try (Stream<Path> left = Files.list(run)) {
            assertThat(left.map(p -> p.getFileName().toString())).noneMatch(n -> n.startsWith("."));
        }
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("index.html").contains("throughput:");
    }

    @Test
    void singleJsonFileGetsAReportBesideIt(@TempDir Path dir) throws IOException {
        Path json = Files.copy(Fixtures.path("run-b").resolve("raw/jmh-reclaim.json"), dir.resolve("jmh-reclaim.json"));
        assertThat(ReportCli.execute("--run", json.toString())).isEqualTo(0);
        Path report = dir.resolve("jmh-reclaim-report");
        assertThat(report.resolve("charts/reclaim-pause.png")).exists();
        assertThat(report.resolve("index.html")).content().contains("href=\"../jmh-reclaim.json\"");
    }

    @Test
    void partialRunReportsWhatFinished(@TempDir Path dir) throws IOException {
        Path raw = Files.createDirectories(dir.resolve("run/raw"));
        Files.createDirectories(raw.resolve("hdr"));
        Files.copy(Fixtures.path("run-b").resolve("raw/jmh-latency.json"), raw.resolve("jmh-latency.json"));
        Files.copy(Fixtures.path("run-b").resolve("raw/hdr/latency-STRIPED-t1.hgrm"), raw.resolve("hdr/latency-STRIPED-t1.hgrm"));
        Files.createFile(raw.resolve("jmh-throughput.json"));
        assertThat(ReportCli.execute("--run", dir.resolve("run").toString())).isEqualTo(0);
        String html = Files.readString(dir.resolve("run/index.html"));
        assertThat(html).contains("jmh-throughput.json is empty").contains("charts/latency-spectrum-t1.png")
                .doesNotContain("charts/throughput.png");
    }

    @Test
    void badInputExitsSixWithOneLineNamingTheFileAndOverwritesNothing(@TempDir Path dir) throws IOException {
        Path run = Fixtures.copy("run-b", dir);
        assertThat(ReportCli.execute("--run", run.toString())).isEqualTo(0);
        String before = Files.readString(run.resolve("index.html"));
        byte[] chart = Files.readAllBytes(run.resolve("charts/throughput.png"));

        String full = Files.readString(run.resolve("raw/jmh-oom.json"));
        Files.writeString(run.resolve("raw/jmh-oom.json"), full.substring(0, full.length() / 3));
        err.reset();
        assertThat(ReportCli.execute("--run", run.toString())).isEqualTo(6);
        assertThat(stderr()).startsWith("reports: ").contains("jmh-oom.json").contains("truncated");
        assertThat(stderr().strip().lines()).hasSize(1);
        assertThat(Files.readString(run.resolve("index.html"))).isEqualTo(before);
        assertThat(Files.readAllBytes(run.resolve("charts/throughput.png"))).isEqualTo(chart);
        try (Stream<Path> left = Files.list(run)) {
            assertThat(left.map(p -> p.getFileName().toString())).noneMatch(n -> n.startsWith("."));
        }
    }

    @Test
    void eachKindOfBadInputIsNamed(@TempDir Path dir) throws IOException {
        Path missing = dir.resolve("missing");
        expectBadInput(missing, "not found", missing.toString());
        Path empty = Files.createFile(dir.resolve("empty.json"));
        expectBadInput(empty, "empty", empty.toString());
        Path foreign = Files.writeString(dir.resolve("other.json"), "[1, 2, 3]");
        expectBadInput(foreign, "not a JMH result file", foreign.toString());
        Path noResults = Files.createDirectories(dir.resolve("run/raw"));
        expectBadInput(dir.resolve("run"), "no JMH results", dir.resolve("run").toString());
        Path unknown = Files.writeString(dir.resolve("unknown.json"), Files.readString(Fixtures.path("run-b").resolve("raw/jmh-reclaim.json"))
                .replace("\"JVM_NEW\"", "\"JVM_OLD\""));
        expectBadInput(unknown, "baseline=JVM_OLD", "unknown.json");
        assertThat(noResults).isEmptyDirectory();
        assertThat(dir.resolve("empty-report")).doesNotExist();
    }

    private void expectBadInput(Path input, String... fragments) {
        err.reset();
        assertThat(ReportCli.execute("--run", input.toString())).as(input.toString()).isEqualTo(6);
        assertThat(stderr()).startsWith("reports: ").contains(fragments);
        assertThat(stderr().strip().lines()).hasSize(1);
    }

    @Test
    void badUsageExitsTwo(@TempDir Path dir) {
        assertThat(ReportCli.execute()).isEqualTo(2);
        assertThat(stderr()).contains("--run").contains("Usage");
        err.reset();
        assertThat(ReportCli.execute("--run", dir.toString(), "--fail-on-regression", "ten", "--baseline", dir.toString())).isEqualTo(2);
        assertThat(stderr()).contains("ten");
        err.reset();
        assertThat(ReportCli.execute("--run", dir.toString(), "--fail-on-regression", "-3", "--baseline", dir.toString())).isEqualTo(2);
        assertThat(stderr()).contains("-3");
        err.reset();
        assertThat(ReportCli.execute("--run", dir.toString(), "--fail-on-regression", "10")).isEqualTo(2);
        assertThat(stderr()).contains("needs --baseline");
        err.reset();
        assertThat(ReportCli.execute("--run", dir.toString(), "--bogus")).isEqualTo(2);
        assertThat(stderr()).contains("--bogus");
    }

    @Test
    void regressionBeyondThresholdExitsFive(@TempDir Path dir) throws IOException {
        Path before = Fixtures.copy("run-b", dir.resolve("before"));
        Path now = Fixtures.copy("run-b", dir.resolve("now"));
        // The same run against itself: nothing changed, exit 0.
        assertThat(ReportCli.execute("--run", now.toString(), "--baseline", before.toString(), "--fail-on-regression", "10"))
                .isEqualTo(0);
        // Halve every throughput iteration of REFERENCE at 64 workers in the current run.
        Path json = now.resolve("raw/jmh-throughput.json");
        com.google.gson.JsonArray results = com.google.gson.JsonParser.parseString(Files.readString(json)).getAsJsonArray();
        for (var e : results) {
            var r = e.getAsJsonObject();
            var params = r.getAsJsonObject("params");
            if (params.has("kind") && params.get("kind").getAsString().equals("STRIPED")
                    && params.get("workers").getAsString().equals("64")) {
                var pm = r.getAsJsonObject("primaryMetric");
                var raw = new com.google.gson.JsonArray();
                var fork = new com.google.gson.JsonArray();
                // Tight iterations far below the baseline's, so the drop is beyond the noise.
                fork.add(10_000.0);
                fork.add(10_100.0);
                fork.add(9_900.0);
                raw.add(fork);
                pm.add("rawData", raw);
                pm.addProperty("score", 10_000.0);
            }
        }
        Files.writeString(json, results.toString());
        err.reset();
        assertThat(ReportCli.execute("--run", now.toString(), "--baseline", before.toString(), "--fail-on-regression", "10"))
                .isEqualTo(5);
        assertThat(stderr()).contains("REGRESSION throughput").contains("STRIPED").contains("t=64");
        assertThat(now.resolve("index.html")).content().contains("regressed by more than 10%");
        assertThat(now.resolve("summary.md")).content().contains("STRIPED");
        // Without the gate the same comparison is only reported.
        assertThat(ReportCli.execute("--run", now.toString(), "--baseline", before.toString())).isEqualTo(0);
    }

    @Test
    void baselineMayBeOneJmhJsonFile(@TempDir Path dir) throws IOException {
        Path now = Fixtures.copy("run-b", dir);
        Path before = Files.copy(Fixtures.path("run-b").resolve("raw/jmh-throughput.json"), dir.resolve("old-throughput.json"));
        assertThat(ReportCli.execute("--run", now.toString(), "--baseline", before.toString())).isEqualTo(0);
        // 6 throughput results x (score, minOpsPerWorker, medianOpsPerWorker, starvedShare)
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("vs baseline: 24 figures compared, 0 changed beyond noise");
        String html = Files.readString(now.resolve("index.html"));
        assertThat(html).contains("Against baseline <code>" + before).contains("<th>change</th>").contains("+0.0%");
    }
}
