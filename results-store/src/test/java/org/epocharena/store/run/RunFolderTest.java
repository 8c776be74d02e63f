package org.epocharena.store.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.epocharena.runformat.Measurement;
import org.epocharena.store.TestRuns;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunFolderTest {

    private static Measurement only(List<Measurement> figures, String benchmarkSuffix, String impl, int threads,
                                    String metric) {
        List<Measurement> found = figures.stream().filter(f -> f.benchmark().endsWith(benchmarkSuffix)
                && f.implementation().equals(impl) && f.threads() == threads && f.metric().equals(metric)).toList();
        assertThat(found).as(benchmarkSuffix + " " + impl + " t=" + threads + " " + metric).hasSize(1);
        return found.get(0);
    }

    @Test
    void readsARunWithAManifest() {
        RunRecord run = RunFolder.read(TestRuns.fixture("a-2"));
        assertThat(run.figures()).hasSize(TestRuns.FIGURES_PER_RUN);
        assertThat(run.gitCommit()).isEqualTo(TestRuns.C1);
        assertThat(run.profile()).isEqualTo("quick");
        assertThat(run.manifestJson()).contains("\"schema\": 1");
        assertThat(run.machine().cores()).isEqualTo(2);
        assertThat(run.machine().jvmFlags()).isEqualTo("-Xms256m -Xmx256m");

        Measurement thr = only(run.figures(), "ThroughputBenchmark.run", "STRIPED", 64, "score");
        assertThat(thr.harness()).isEqualTo("throughput");
        assertThat(run.setting(thr)).as("impl and the threads param are columns of their own").isEqualTo("mix=MIXED");
        assertThat(thr.mode()).isEqualTo("thrpt");
        assertThat(thr.unit()).isEqualTo("ops/s");
        assertThat(thr.baseline()).isFalse();
        assertThat(List.of(thr.forks())).hasSize(2).allSatisfy(fork -> assertThat(fork).hasSize(3));
        double mean = java.util.Arrays.stream(thr.samples()).average().orElseThrow();
        assertThat(thr.value()).isCloseTo(mean, org.assertj.core.data.Offset.offset(mean * 1e-9));

        Measurement tail = only(run.figures(), "LatencyBenchmark.allocate", "LOCK_FREE", 1, "p99.99");
        assertThat(tail.unit()).isEqualTo("ns/op");
        assertThat(tail.forks()).hasNumberOfRows(2);
        Measurement sampled = only(run.figures(), "LatencyBenchmark.allocate", "LOCK_FREE", 1, "score");
        assertThat(List.of(sampled.forks())).as("SampleTime: one mean per iteration from rawDataHistogram").hasSize(2)
                .allSatisfy(fork -> assertThat(fork).hasSize(3));
        assertThat(only(run.figures(), "GarbageBenchmark.allocate", "JVM_NEW", 1, "gc.alloc.rate.norm").baseline()).isTrue();
    }

    @Test
    void readsAnOlderRunWithKindAndBaselineParamsAndNoManifest() {
        RunRecord run = RunFolder.read(TestRuns.fixture("a-1"));
        assertThat(run.manifestJson()).isNull();
        assertThat(run.machine().jvmFlags()).as("flags as an array in older env.json").isEqualTo("-Xms256m -Xmx256m");
        assertThat(run.setting(only(run.figures(), "ThroughputBenchmark.run", "STRIPED", 64, "score"))).isEqualTo("mix=MIXED");
        assertThat(only(run.figures(), "ThroughputBenchmark.run", "JVM_NEW", 64, "score").baseline()).isTrue();
        assertThat(only(run.figures(), "ThroughputBenchmark.run", "LOCK_FREE", 1, "score").baseline()).isFalse();
        // Same machine as a-2: same fingerprint although the flags were written differently.
        assertThat(run.machine().fingerprint()).isEqualTo(RunFolder.read(TestRuns.fixture("a-2")).machine().fingerprint());
    }

    @Test
    void theSameContentHasTheSameHashWhereverItIs(@TempDir Path dir) {
        assertThat(RunFolder.read(TestRuns.copy("a-3", dir)).contentHash())
                .isEqualTo(RunFolder.read(TestRuns.fixture("a-3")).contentHash())
                .isNotEqualTo(RunFolder.read(TestRuns.fixture("a-2")).contentHash());
    }

    @Test
    void refusesAFolderWithoutEnvJson(@TempDir Path dir) throws IOException {
        Path run = TestRuns.copy("a-2", dir);
        Files.delete(run.resolve("env.json"));
        assertThatThrownBy(() -> RunFolder.read(run)).isInstanceOf(BadRunException.class)
                .hasMessageContaining(run.resolve("env.json").toString()).hasMessageContaining("missing");
    }

    @Test
    void refusesTruncatedJmhJson(@TempDir Path dir) throws IOException {
        Path run = TestRuns.copy("a-2", dir);
        Path f = run.resolve("raw/jmh-latency.json");
        String json = Files.readString(f);
        Files.writeString(f, json.substring(0, json.length() / 2));
        assertThatThrownBy(() -> RunFolder.read(run)).isInstanceOf(BadRunException.class)
                .hasMessageContaining(f.toString()).hasMessageContaining("not valid JSON");
    }

    @Test
    void refusesForeignJsonInRaw(@TempDir Path dir) throws IOException {
        Path run = TestRuns.copy("a-2", dir);
        Path object = run.resolve("raw/jmh-package.json");
        Files.writeString(object, "{\"name\": \"left-pad\", \"version\": \"1.3.0\"}");
        assertThatThrownBy(() -> RunFolder.read(run)).hasMessageContaining(object.toString())
                .hasMessageContaining("not a JMH result file");
        Files.writeString(object, "[{\"name\": \"left-pad\"}]");
        assertThatThrownBy(() -> RunFolder.read(run)).hasMessageContaining(object.toString())
                .hasMessageContaining("result 0 is not a JMH result");
    }

    @Test
    void refusesABinaryFile(@TempDir Path dir) throws IOException {
        Path run = TestRuns.copy("a-2", dir);
        Path bin = run.resolve("raw/jmh-garbage.json");
        Files.write(bin, new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, (byte) 0xff, (byte) 0xfe});
        assertThatThrownBy(() -> RunFolder.read(run)).hasMessageContaining(bin.toString()).hasMessageContaining("not UTF-8");
    }

    @Test
    void refusesAnEnvJsonThatIsNotARunsAndAFolderWithNothingMeasured(@TempDir Path dir) throws IOException {
        Path run = TestRuns.copy("a-2", dir);
        Files.writeString(run.resolve("env.json"), "{\"cpuModel\": \"x\"}");
        assertThatThrownBy(() -> RunFolder.read(run)).hasMessageContaining("env.json")
                .hasMessageContaining("missing cores, memoryBytes");

        Path empty = TestRuns.copy("b-1", dir);
        try (var files = Files.list(empty.resolve("raw"))) {
            for (Path f : files.toList()) {
                Files.delete(f);
            }
        }
        assertThatThrownBy(() -> RunFolder.read(empty)).hasMessageContaining("no JMH result");
    }

    @Test
    void refusesAManifestOfAnotherSchema(@TempDir Path dir) throws IOException {
        Path run = TestRuns.copy("a-2", dir);
        Files.writeString(run.resolve("manifest.json"), "{\"schema\": 2}");
        assertThatThrownBy(() -> RunFolder.read(run)).hasMessageContaining("manifest.json")
                .hasMessageContaining("schema must be 1, was 2");
    }

    /** The store keeps JMH's percentiles under the report's names ("p99.99", never JMH's "p0.9999"). */
    @Test
    void namesPercentilesAsTheReportDoes() {
        List<String> metrics = RunFolder.read(TestRuns.fixture("a-2")).figures().stream().map(Measurement::metric).toList();
        assertThat(metrics).contains("p99.99", "gc.alloc.rate.norm").noneMatch(m -> m.matches("p[01]\\..*"));
    }

    @Test
    void flagsThatOnlyNameTheRunsOwnFolderDoNotMakeANewMachine(@TempDir Path dir) {
        Path run = dir.resolve("20261201-145023-smoke");
        assertThat(RunFolder.measuringFlags("-Xms512m -Xmx512m -Depocharena.hdr.dir=" + run + "/raw/hdr", run))
                .isEqualTo("-Xms512m -Xmx512m");
        assertThat(RunFolder.measuringFlags("-XX:+UseZGC -Dlog=" + run.resolve("x.log"), run)).isEqualTo("-XX:+UseZGC");
        assertThat(RunFolder.measuringFlags("-XX:+UseParallelGC -Dmode=fast", run)).isEqualTo("-XX:+UseParallelGC -Dmode=fast");
    }

    @Test
    void readsTheHdrHistogramIntervalLogsOfARealRunIntoPercentilesWithErrors() {
        RunRecord run = RunFolder.read(TestRuns.real(TestRuns.REAL.get(0)));
        List<Measurement> hdr = run.figures().stream().filter(f -> f.mode().equals("hdr")).toList();
        assertThat(hdr).as("5 logs x p50 p90 p99 p99.9 p99.99 p99.999 max").hasSize(35);
        Measurement tail = only(hdr, "HdrHistogram", "LOCK_FREE", 1, "p99.99");
        Measurement p99 = only(hdr, "HdrHistogram", "LOCK_FREE", 1, "p99");
        assertThat(tail.unit()).as("the report's unit, which the manifest's floors are stated in").isEqualTo("us");
        assertThat(tail.harness()).isEqualTo("latency");
        assertThat(tail.forks()).hasNumberOfRows(1);
        assertThat(tail.forks()[0]).as("one value per measurement interval").hasSize(5);
        assertThat(tail.error()).as("an error across intervals").isPositive();
        assertThat(tail.value()).isGreaterThanOrEqualTo(p99.value());
        assertThat(only(hdr, "HdrHistogram", "JVM_NEW", 1, "max").baseline()).as("baseline, as the JMH results say").isTrue();
        assertThat(only(hdr, "HdrHistogram", "STRIPED", 16, "p50").threads()).isEqualTo(16);
    }

    @Test
    void refusesACorruptHdrHistogramLog(@TempDir Path dir) throws IOException {
        Path run = dir.resolve("run");
        Files.createDirectories(run.resolve("raw/hdr"));
        for (String f : List.of("env.json", "raw/jmh-garbage.json")) {
            Files.copy(TestRuns.real(TestRuns.REAL.get(0)).resolve(f), run.resolve(f));
        }
        Path log = run.resolve("raw/hdr/latency-STRIPED-t1.hlog");
        Files.writeString(log, "#[Histogram log format version 1.3]\n0.1,0.05,9.2,HISTFAAAA-this-is-not-base64\n");
        assertThatThrownBy(() -> RunFolder.read(run)).isInstanceOf(BadRunException.class).hasMessageContaining(log.toString());
        Files.writeString(log, "#[Histogram log format version 1.3]\n");
        assertThatThrownBy(() -> RunFolder.read(run)).hasMessageContaining(log.toString()).hasMessageContaining("no recorded interval");
    }
}
