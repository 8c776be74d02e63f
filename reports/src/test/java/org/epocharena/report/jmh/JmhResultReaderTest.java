package org.epocharena.report.jmh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.epocharena.report.Fixtures;
import org.epocharena.runformat.Catalog;
import org.epocharena.runformat.Direction;
import org.epocharena.runformat.JmhResultReader;
import org.epocharena.runformat.Measurement;
import org.epocharena.runformat.RunFormatException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JmhResultReaderTest {
    private final JmhResultReader parser = new JmhResultReader(Catalog.of(null));

    private static Measurement find(List<Measurement> all, String impl, String metric) {
        return all.stream().filter(m -> m.implementation().equals(impl) && m.metric().equals(metric)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + impl + " " + metric + " in " + all.size() + " rows"));
    }

    @Test
    void sampleTimePercentilesAreNamedAndKeepTheirPerIterationValues() {
        List<Measurement> all = parser.parse(Fixtures.path("run-a").resolve("raw/jmh-latency.json"));
        Measurement p99 = find(all, "STRIPED", "p99");
        assertThat(p99.value()).isEqualTo(371.99000000000524);
        assertThat(p99.samples()).containsExactly(1007.1000000000022, 100.0, 100.0);
        assertThat(p99.unit()).isEqualTo("ns/op");
        assertThat(p99.mode()).isEqualTo("sample");
        assertThat(find(all, "STRIPED", "p99.9").value()).isEqualTo(4720.832000000402);
        assertThat(find(all, "STRIPED", "p99.99").value()).isEqualTo(710518.3743999004);
        assertThat(find(all, "STRIPED", "max").value()).isEqualTo(778240.0);
        assertThat(find(all, "STRIPED", "p50").value()).isEqualTo(90.0);
        // JMH leaves percentile errors as NaN; the parser derives them from the iterations like JMH does.
        assertThat(p99.error()).isGreaterThan(0);
    }

    @Test
    void sampleTimeScoreGetsIterationMeansFromTheRawHistogram() {
        List<Measurement> all = parser.parse(Fixtures.path("run-a").resolve("raw/jmh-latency.json"));
        Measurement score = find(all, "STRIPED", "score");
        assertThat(score.samples()).hasSize(3);
        // The pooled mean JMH reports lies between the smallest and largest iteration mean.
        double lo = java.util.Arrays.stream(score.samples()).min().orElseThrow();
        double hi = java.util.Arrays.stream(score.samples()).max().orElseThrow();
        assertThat(score.value()).isBetween(lo, hi);
    }

    @Test
    void secondaryMetricsParamsHarnessAndBaselineFlag() {
        List<Measurement> all = parser.parse(Fixtures.path("run-a").resolve("raw/jmh-garbage.json"));
        Measurement norm = find(all, "JVM_NEW", "gc.alloc.rate.norm");
        assertThat(norm.value()).isEqualTo(80.0043712991381);
        assertThat(norm.unit()).isEqualTo("B/op");
        assertThat(norm.baseline()).isTrue();
        assertThat(norm.harness()).isEqualTo("garbage");
        assertThat(norm.params()).containsEntry("baseline", "JVM_NEW");
        Measurement arena = find(all, "STRIPED", "gc.alloc.rate.norm");
        assertThat(arena.baseline()).isFalse();
        assertThat(arena.params()).containsEntry("kind", "STRIPED");
        assertThat(arena.benchmark()).isEqualTo("HeapGarbage.arena");
    }

    @Test
    void workersParamIsTheThreadCountAndTheErrorIsJmhs() {
        List<Measurement> all = parser.parse(Fixtures.path("run-a").resolve("raw/jmh-throughput-workers.json"));
        Measurement m = all.stream().filter(x -> x.implementation().equals("REFERENCE") && x.threads() == 64)
                .findFirst().orElseThrow();
        assertThat(m.params()).containsEntry("workers", "64");
        assertThat(m.error()).isEqualTo(7744.148725502314);
        assertThat(m.samples()).containsExactly(1118.0448059573212, 1767.0423121866288, 1916.5255563065552);
        assertThat(m.direction()).isEqualTo(Direction.HIGHER_IS_BETTER);
    }

    @Test
    void currentHarnessesParseWithTheirProfilerFigures() {
        Path raw = Fixtures.path("run-b").resolve("raw");
        List<Measurement> oom = parser.parse(raw.resolve("jmh-oom.json"));
        Measurement util = oom.stream().filter(m -> m.metric().equals("utilization") && m.implementation().equals("STRIPED")
                && "PINNED_OLDER".equals(m.params().get("start"))).findFirst().orElseThrow();
        assertThat(util.unit()).isEqualTo("share");
        assertThat(util.value()).isBetween(0.0, 1.0);
        assertThat(util.direction()).isEqualTo(Direction.HIGHER_IS_BETTER);
        List<Measurement> thr = parser.parse(raw.resolve("jmh-throughput.json"));
        assertThat(thr).filteredOn(m -> m.metric().equals("starvedShare")).hasSize(6);
        assertThat(thr).filteredOn(m -> m.metric().equals("score")).extracting(Measurement::threads)
                .containsOnly(1, 64);
    }

    @Test
    void percentileNames() {
        assertThat(JmhResultReader.percentileName("p0.99")).isEqualTo("p99");
        assertThat(JmhResultReader.percentileName("p0.9999")).isEqualTo("p99.99");
        assertThat(JmhResultReader.percentileName("p0.50")).isEqualTo("p50");
        assertThat(JmhResultReader.percentileName("p1.00")).isEqualTo("max");
        assertThat(JmhResultReader.percentileName("p0.00")).isEqualTo("min");
        assertThat(JmhResultReader.percentileName("gc.alloc.rate")).isEqualTo("gc.alloc.rate");
    }

    @Test
    void harnessIsThePackageSegmentAfterBench() {
        assertThat(JmhResultReader.harnessOf("org.epocharena.bench.reclaim.ReclaimBenchmark.arena")).isEqualTo("reclaim");
        assertThat(JmhResultReader.harnessOf("com.example.jmh.MyBench.run")).isEqualTo("jmh");
    }

    @Test
    void missingEmptyTruncatedAndForeignFilesAreRejectedByName(@TempDir Path dir) throws IOException {
        Path missing = dir.resolve("jmh-none.json");
        assertThatThrownBy(() -> parser.parse(missing)).isInstanceOf(RunFormatException.class)
                .hasMessageContaining("not found").hasMessageContaining(missing.toString());

        Path empty = Files.createFile(dir.resolve("jmh-empty.json"));
        assertThatThrownBy(() -> parser.parse(empty)).isInstanceOf(RunFormatException.class)
                .hasMessageContaining("empty").hasMessageContaining(empty.toString());

        String full = Files.readString(Fixtures.path("run-a").resolve("raw/jmh-oom.json"));
        Path truncated = Files.writeString(dir.resolve("jmh-truncated.json"), full.substring(0, full.length() / 2));
        assertThatThrownBy(() -> parser.parse(truncated)).isInstanceOf(RunFormatException.class)
                .hasMessageContaining("truncated").hasMessageContaining(truncated.toString());

        Path foreign = Files.writeString(dir.resolve("package.json"), "{\"name\": \"x\"}", StandardCharsets.UTF_8);
        assertThatThrownBy(() -> parser.parse(foreign)).isInstanceOf(RunFormatException.class)
                .hasMessageContaining("not a JMH result file").hasMessageContaining(foreign.toString());
    }

    @Test
    void aDesignNobodyDeclaredIsReportedAsADesign(@TempDir Path dir) throws IOException {
        String json = Files.readString(Fixtures.path("run-a").resolve("raw/jmh-oom.json"))
                .replace("\"kind\" : \"STRIPED\"", "\"kind\" : \"STRIPEY\"");
        Path file = Files.writeString(dir.resolve("jmh-oom.json"), json);
        Catalog catalog = Catalog.of(null);
        assertThat(new JmhResultReader(catalog).parse(file)).anyMatch(m -> m.implementation().equals("STRIPEY") && !m.baseline());
        assertThat(catalog.implementations()).contains("STRIPEY");
    }

    @Test
    void errorOfAPercentileMatchesTheStudentInterval() {
        List<Measurement> all = parser.parse(Fixtures.path("run-a").resolve("raw/jmh-latency.json"));
        Measurement p50 = find(all, "STRIPED", "p50");
        assertThat(p50.error()).isCloseTo(0.0, within(1e-12)); // three equal iterations: no spread
    }
}
