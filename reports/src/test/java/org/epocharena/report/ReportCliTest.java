package org.epocharena.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The CLI end to end: outputs, exit codes, one-line errors, and that a failure overwrites nothing. */
@Timeout(value = 180, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD) // hang guard only
class ReportCliTest {
    @RegisterExtension
    final CapturedOutput printed = new CapturedOutput();

    @Test
    void thePageLinksTheHistoryPageOnlyWhenTheStoreWroteOneBesideTheRunsFolder(@TempDir Path dir) throws IOException {
        Path runs = Files.createDirectories(dir.resolve("reports/runs"));
        Path run = Fixtures.copy("run-b", runs);
        assertThat(ReportCli.execute("--run", run.toString())).isEqualTo(0);
        assertThat(Files.readString(run.resolve("index.html"))).doesNotContain("history/index.html");

        Path history = Files.createDirectories(dir.resolve("reports/history")).resolve("index.html");
        Files.writeString(history, "<!DOCTYPE html><title>history</title>");
        assertThat(ReportCli.execute("--run", run.toString())).isEqualTo(0);
        assertThat(Files.readString(run.resolve("index.html"))).contains("<a href=\"../../history/index.html\">");
        assertThat(run.resolve("../../history/index.html").normalize()).isEqualTo(history.normalize());
    }

    @Test
    void aPairedRunsPageNamesTheBaseCommitAndThePairing(@TempDir Path dir) throws IOException {
        Path head = Fixtures.copy("run-b", dir);
        Path base = Fixtures.copy("run-a", head);
        Files.move(base, head.resolve("base"));
        Files.writeString(head.resolve("base/env.json"), "{\"gitCommit\": \"0123456789abcdef0123\", \"profile\": \"smoke\"}\n");
        assertThat(ReportCli.execute("--run", head.toString(), "--baseline", head.resolve("base").toString())).isEqualTo(0);
        String html = Files.readString(head.resolve("index.html"));
        assertThat(html).contains("(commit 0123456789ab), paired: base and this run alternated fork by fork (ABBA) on this machine");
        assertThat(ReportCli.execute("--run", head.toString(), "--baseline", Fixtures.copy("run-a", dir).toString())).isEqualTo(0);
        assertThat(Files.readString(head.resolve("index.html"))).doesNotContain("paired:");
    }

    @Test
    void gateOnNamesAHarnessTheRunHasOrIsRefused(@TempDir Path dir) throws IOException {
        Path a = Fixtures.copy("run-a", dir);
        Path b = Fixtures.copy("run-b", dir);
        assertThat(ReportCli.execute("--run", b.toString(), "--baseline", a.toString(), "--fail-on-regression", "10",
                "--gate-on", "nosuchharness")).isEqualTo(6);
        assertThat(printed.err()).contains("--gate-on nosuchharness");
        assertThat(ReportCli.execute("--run", b.toString(), "--gate-on", "latency")).isEqualTo(2);
        assertThat(printed.err()).contains("--gate-on needs --fail-on-regression");
    }

    @Test
    void runFolderGetsTheWholeReport(@TempDir Path dir) throws IOException {
        Path run = Fixtures.copy("run-b", dir);
        assertThat(ReportCli.execute("--run", run.toString())).isEqualTo(0);
        assertThat(run.resolve("results.csv")).isNotEmptyFile();
        assertThat(run.resolve("summary.md")).content().contains("## Recommendation").contains("## Scorecard");
        String html = Files.readString(run.resolve("index.html"));
        assertThat(html.indexOf("id=\"scorecard\"")).isLessThan(html.indexOf("<h2>Charts")).isPositive();
        assertThat(html.indexOf("<h2>Charts")).isLessThan(html.indexOf("<h2>Environment"));
        assertThat(html).contains("charts/throughput-score.png").contains("href=\"raw/jmh-latency.json\"").contains("href=\"env.json\"");
        assertThat(html).doesNotContain("http://").doesNotContain("https://").doesNotContain("<script");
        try (Stream<Path> charts = Files.list(run.resolve("charts"))) {
            assertThat(charts.map(p -> p.getFileName().toString())).contains("throughput-score.png", "throughput-score.svg");
        }
        assertThat(ImageIO.read(run.resolve("charts/throughput-score.png").toFile())).isNotNull();
        try (Stream<Path> left = Files.list(run)) {
            assertThat(left.map(p -> p.getFileName().toString())).noneMatch(n -> n.startsWith("."));
        }
        assertThat(printed.out()).contains("index.html");
    }

    @Test
    void badInputExitsSixWithOneLineNamingTheFileAndOverwritesNothing(@TempDir Path dir) throws IOException {
        Path run = Fixtures.copy("run-b", dir);
        assertThat(ReportCli.execute("--run", run.toString())).isEqualTo(0);
        String before = Files.readString(run.resolve("index.html"));
        byte[] chart = Files.readAllBytes(run.resolve("charts/throughput-score.png"));

        String full = Files.readString(run.resolve("raw/jmh-oom.json"));
        Files.writeString(run.resolve("raw/jmh-oom.json"), full.substring(0, full.length() / 3));
        printed.reset();
        assertThat(ReportCli.execute("--run", run.toString())).isEqualTo(6);
        assertThat(printed.err()).startsWith("reports: ").contains("jmh-oom.json").contains("truncated");
        assertThat(printed.err().strip().lines()).hasSize(1);
        assertThat(Files.readString(run.resolve("index.html"))).isEqualTo(before);
        assertThat(Files.readAllBytes(run.resolve("charts/throughput-score.png"))).isEqualTo(chart);
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
        assertThat(noResults).isEmptyDirectory();
        assertThat(dir.resolve("empty-report")).doesNotExist();
    }

    private void expectBadInput(Path input, String... fragments) {
        printed.reset();
        assertThat(ReportCli.execute("--run", input.toString())).as(input.toString()).isEqualTo(6);
        assertThat(printed.err()).startsWith("reports: ").contains(fragments);
        assertThat(printed.err().strip().lines()).hasSize(1);
    }

    @Test
    void badUsageExitsTwo(@TempDir Path dir) {
        assertThat(ReportCli.execute()).isEqualTo(2);
        assertThat(printed.err()).contains("--run").contains("Usage");
        printed.reset();
        assertThat(ReportCli.execute("--run", dir.toString(), "--fail-on-regression", "ten", "--baseline", dir.toString())).isEqualTo(2);
        assertThat(printed.err()).contains("ten");
        printed.reset();
        assertThat(ReportCli.execute("--run", dir.toString(), "--fail-on-regression", "-3", "--baseline", dir.toString())).isEqualTo(2);
        assertThat(printed.err()).contains("-3");
        printed.reset();
        assertThat(ReportCli.execute("--run", dir.toString(), "--fail-on-regression", "10")).isEqualTo(2);
        assertThat(printed.err()).contains("needs --baseline");
        printed.reset();
        assertThat(ReportCli.execute("--run", dir.toString(), "--bogus")).isEqualTo(2);
        assertThat(printed.err()).contains("--bogus");
    }

    /** run-bench.sh asks before the benchmarks run, so that a mistyped option costs no run. */
    @Test
    void checkJudgesTheOptionsAloneAndWritesNothing(@TempDir Path dir) throws IOException {
        Path run = dir.resolve("not-yet");
        assertThat(ReportCli.execute("--check", "--run", run.toString())).isEqualTo(0);
        assertThat(ReportCli.execute("--check", "--run", run.toString(), "--baseline", run.resolve("base").toString(),
                "--fail-on-regression", "5", "--gate-on", "latency")).as("a paired run's base is written later").isEqualTo(0);
        assertThat(run).doesNotExist();
        printed.reset();
        assertThat(ReportCli.execute("--check", "--run", run.toString(), "--baseline", dir.resolve("gone").toString()))
                .isEqualTo(2);
        assertThat(printed.err()).contains("gone").contains("does not exist");
        printed.reset();
        assertThat(ReportCli.execute("--check", "--run", run.toString(), "--gate-on", "latency")).isEqualTo(2);
        assertThat(printed.err()).contains("needs --fail-on-regression");
        printed.reset();
        assertThat(ReportCli.execute("--check", "--run", run.toString(), "--fail-on-regression", "2000",
                "--baseline", dir.toString())).isEqualTo(2);
        assertThat(printed.err()).contains("2000");
    }
}
