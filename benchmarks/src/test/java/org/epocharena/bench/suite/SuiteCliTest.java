package org.epocharena.bench.suite;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.epocharena.ArenaKind;
import org.epocharena.bench.alloc.Baseline;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The Suite CLI contract: exit codes, one-line errors naming the bad value, a dry run that writes nothing. */
class SuiteCliTest {
    @TempDir
    Path tmp;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return Suite.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String stdout() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String stderr() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "--profile smoke --impls JVM_NEW,FOO --dry-run | 'FOO' | JVM_NEW, NETTY_POOLED, NETTY_ADAPTIVE, FFM_SHARED, FFM_CONFINED",
        "--profile smoke --harness latency,speed --dry-run | 'speed' | latency, throughput, allocation, oom, held, reclaim",
        "--profile medium --dry-run | 'medium' | smoke, quick, full",
        "--profile smoke --threads 1,0 --dry-run | thread count 0 | 1..65536",
        "--profile smoke --threads 1,x --dry-run | 'x' | whole number",
        "--profile smoke --bogus --dry-run | --bogus | Usage:",
        "--profile smoke --jvm /no/such/java --dry-run | /no/such/java | not an executable file",
        "--profile smoke | --out | --dry-run",
        "--dry-run | --profile | Usage:",
        "--profile smoke --dry-run -- -rf csv | -rf | raw/jmh-",
        "--profile smoke --dry-run -- -f many | option f | many",
        "--profile smoke --dry-run -- latency | latency | --harness",
        "--profile smoke --pair-forks 3 --dry-run | --pair-forks | --pair-with BASE_JAR",
        "--profile smoke --pair-with base.jar --pair-forks 1 --dry-run | was 1 | two forks per side",
        "--profile smoke --pair-with base.jar --pair-forks 101 --dry-run | was 101 | between 2 and 100",
        "--profile smoke --pair-with base.jar --dry-run -- -f 3 | -f 3 | --pair-forks N",
        "--profile smoke --pair-with /no/such/base.jar --out /tmp/x --pair-out /tmp/y | /no/such/base.jar | not a file",
    })
    void badUsageExitsTwoWithOneLineNamingTheValue(String args, String named, String hint) {
        assertThat(run(args.trim().split(" +"))).isEqualTo(Suite.USAGE_ERROR);
        String[] lines = stderr().split("\n");
        assertThat(lines[0]).startsWith("Suite: ").contains(named.trim()).doesNotContain("\tat ");
        assertThat(stderr()).contains(hint.trim()).contains("Usage: java -cp benchmarks/target/benchmarks.jar");
        assertThat(stdout()).doesNotContain("estimated");
    }

    @Test
    void dryRunPrintsThePlanAndEstimateAndWritesNothing() {
        Path runDir = tmp.resolve("run");
        assertThat(run("--profile", "smoke", "--out", runDir.toString(), "--dry-run")).isEqualTo(Suite.OK);
        assertThat(runDir).doesNotExist();
        assertThat(stdout()).contains("jmh-latency-t1.json", "jmh-throughput.json", "jmh-allocation-t1.json",
                "jmh-allocation-t1-arenas.json", "jmh-oom.json", "jmh-held.json", "jmh-reclaim.json",
                "jmh-reclaim-arenas.json", "workers=1000", "estimated", "dry run");
        if (Runtime.version().feature() < 22) {
            assertThat(stdout()).contains("not run: FFM_SHARED: needs JDK 22+");
        }
        assertThat(stderr()).isEmpty();
    }

    @Test
    void aPairedDryRunPlansBothSidesForkByForkAndShowsWhatThePairingAdds() {
        String design = ArenaKind.values()[0].name();
        assertThat(run("--profile", "smoke", "--dry-run", "--harness", "allocation", "--impls", design, "--threads", "1",
                "--pair-with", tmp.resolve("base.jar").toString(), "--pair-forks", "3")).isEqualTo(Suite.OK);
        assertThat(stdout()).contains("3 times per side with one fork each", "ABBA", "paired: 2 sides x 3 single-fork runs",
                "18 trials in 6 single-fork JMH runs", "the pairing adds ~");
        assertThat(tmp.resolve("base.jar")).doesNotExist();
    }

    @Test
    void aRunFolderThatHoldsFilesIsRefusedAndLeftAsItWas() throws Exception {
        Path used = java.nio.file.Files.createDirectories(tmp.resolve("used"));
        java.nio.file.Files.writeString(used.resolve("notes.txt"), "mine");
        assertThat(run("--profile", "smoke", "--out", used.toString(), "--impls", "JVM_NEW")).isEqualTo(Suite.USAGE_ERROR);
        assertThat(stderr()).contains("already holds files (notes.txt)");
        try (var files = java.nio.file.Files.list(used)) {
            assertThat(files).containsExactly(used.resolve("notes.txt"));
        }
    }

    @Test
    void aPairedRunWithoutPairForksTakesTheProfilesOrTheSuitesDefault() {
        String design = ArenaKind.values()[0].name();
        String[] paired = {"--dry-run", "--harness", "allocation", "--impls", design, "--threads", "1",
            "--pair-with", tmp.resolve("base.jar").toString()};
        assertThat(run(concat(new String[] {"--profile", "smoke"}, paired))).isEqualTo(Suite.OK);
        assertThat(stdout()).as("smoke's pair.forks").contains("2 times per side with one fork each");
        assertThat(run(concat(new String[] {"--profile", "quick"}, paired))).isEqualTo(Suite.OK);
        assertThat(stdout()).as("quick sets none").contains(Suite.DEFAULT_PAIR_FORKS + " times per side with one fork each");
    }

    private static String[] concat(String[] a, String[] b) {
        return java.util.stream.Stream.concat(java.util.Arrays.stream(a), java.util.Arrays.stream(b)).toArray(String[]::new);
    }

    @Test
    void envJsonFlagsLeaveOutTheRunsOwnFolders() {
        var o = new org.openjdk.jmh.runner.options.OptionsBuilder().jvmArgs("-Xmx1g")
                .jvmArgsAppend("-D" + PlannedRun.HDR_DIR_PROPERTY + "=/x/raw/hdr", "-D" + PlannedRun.HELD_DIR_PROPERTY + "=/x/raw/held",
                        "-XX:+UseG1GC").build();
        assertThat(RunFolderWriter.runFlags(o)).containsExactly("-Xmx1g", "-XX:+UseG1GC");
    }

    @Test
    void dryRunNarrowsToTheChosenHarnessImplsAndThreads() {
        String design = ArenaKind.values()[0].name();
        String other = ArenaKind.values()[1].name();
        assertThat(run("--profile", "quick", "--dry-run", "--harness", "latency", "--impls", design + ",NETTY_POOLED",
                "--threads", "4")).isEqualTo(Suite.OK);
        assertThat(stdout()).contains("jmh-latency-t4.json: 2 trials").doesNotContain("jmh-oom")
                .doesNotContain(other);
    }

    @Test
    void listNamesEveryImplementationWithItsRoleAndEveryHarness() {
        assertThat(run("--list")).isEqualTo(Suite.OK);
        for (ArenaKind kind : ArenaKind.values()) {
            assertThat(stdout()).containsPattern("(?m)^  " + kind.name() + " +design ");
        }
        for (Baseline b : Baseline.values()) {
            assertThat(stdout()).containsPattern("(?m)^  " + b.name() + " +baseline ");
        }
        for (String h : HarnessRegistry.ids()) {
            assertThat(stdout()).containsPattern("(?m)^  " + h + " ");
        }
    }

    @Test
    void helpExitsZeroAndListsEveryOption() {
        assertThat(run("--help")).isEqualTo(Suite.OK);
        assertThat(stdout()).contains("--profile", "--out", "--impls", "--harness", "--threads", "--jvm", "--dry-run",
                "Exit codes");
    }

    @Test
    void aRunFolderWithEarlierResultsIsRefused() throws Exception {
        Path runDir = tmp.resolve("old");
        Files.createDirectories(runDir.resolve("raw"));
        Files.writeString(runDir.resolve("raw/jmh-latency.json"), "[]");
        assertThat(run("--profile", "smoke", "--out", runDir.toString())).isEqualTo(Suite.USAGE_ERROR);
        assertThat(stderr()).contains("jmh-latency.json").contains("new run folder");
    }
}
