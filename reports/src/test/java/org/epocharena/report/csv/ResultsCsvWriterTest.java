package org.epocharena.report.csv;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.epocharena.report.Fixtures;
import org.epocharena.report.jmh.RunLoader;
import org.epocharena.report.stats.ReferenceComparison;
import org.epocharena.runformat.Measurement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResultsCsvWriterTest {

    private static List<CSVRecord> read(Path file) throws IOException {
        try (Reader r = Files.newBufferedReader(file)) {
            return CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).build().parse(r).getRecords();
        }
    }

    @Test
    void oneTidyRowPerMeasuredPoint(@TempDir Path dir) throws IOException {
        List<Measurement> all = new RunLoader().load(Fixtures.path("run-a")).measurements();
        Path csv = dir.resolve("results.csv");
        new ResultsCsvWriter().write(csv, all, Map.of());

        assertThat(Files.readAllLines(csv).get(0)).isEqualTo(String.join(",", ResultsCsvWriter.HEADER));
        List<CSVRecord> rows = read(csv);
        assertThat(rows).hasSize(all.size());
        CSVRecord p99 = rows.stream().filter(r -> r.get("harness").equals("latency") && r.get("implementation").equals("STRIPED")
                && r.get("metric").equals("p99") && r.get("mode").equals("sample")).findFirst().orElseThrow();
        assertThat(Double.parseDouble(p99.get("value"))).isEqualTo(371.99000000000524);
        assertThat(p99.get("unit")).isEqualTo("ns/op");
        assertThat(p99.get("params")).isEqualTo("kind=STRIPED");
        assertThat(p99.get("is_baseline")).isEqualTo("false");
        assertThat(p99.get("threads")).isEqualTo("1");
        assertThat(p99.get("samples")).isEqualTo("3");
        assertThat(p99.get("source")).isEqualTo("jmh-latency.json");
        assertThat(p99.get("change_pct")).isEmpty();

        CSVRecord jvm = rows.stream().filter(r -> r.get("implementation").equals("JVM_NEW")
                && r.get("metric").equals("gc.alloc.rate.norm")).findFirst().orElseThrow();
        assertThat(jvm.get("is_baseline")).isEqualTo("true");
        assertThat(jvm.get("unit")).isEqualTo("B/op");

        CSVRecord workers = rows.stream().filter(r -> r.get("params").equals("kind=STRIPED;workers=256")).findFirst().orElseThrow();
        assertThat(workers.get("threads")).isEqualTo("256");
    }

    @Test
    void comparisonColumnsAreFilledAgainstAReferenceRun(@TempDir Path dir) throws IOException {
        var run = new RunLoader().load(Fixtures.path("run-b"));
        List<Measurement> all = run.measurements();
        Path csv = dir.resolve("results.csv");
        new ResultsCsvWriter().write(csv, all, ReferenceComparison.compare(all, all, run.catalog(), m -> true));
        CSVRecord score = read(csv).stream().filter(r -> r.get("harness").equals("throughput") && r.get("metric").equals("score"))
                .findFirst().orElseThrow();
        assertThat(Double.parseDouble(score.get("change_pct"))).isEqualTo(0.0);
        assertThat(Double.parseDouble(score.get("p_value"))).isEqualTo(1.0);
        assertThat(score.get("changed")).isEqualTo("false");
        assertThat(score.get("basis")).isEqualTo("ITERATIONS");
    }
}
