package org.epocharena.report.jmh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.epocharena.report.Fixtures;
import org.epocharena.runformat.Catalog;
import org.epocharena.runformat.IntervalLogReader;
import org.epocharena.runformat.Measurement;
import org.epocharena.runformat.RunFormatException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** HdrHistogram interval logs read with HdrHistogram's own reader; percentiles get an error from the intervals. */
class IntervalLogReaderTest {

    @Test
    void percentilesCarryAnErrorFromTheIntervals() {
        Path log = Fixtures.path("run-c").resolve("raw/hdr/latency-LOCK_FREE-t1.hlog");
        IntervalLogReader.Result r = new IntervalLogReader().read(log, Catalog.of(null)).orElseThrow();
        assertThat(r.curve().implementation()).isEqualTo("LOCK_FREE");
        assertThat(r.curve().threads()).isEqualTo(1);
        assertThat(r.curve().count()).isEqualTo(5 * 20_000);
        Measurement p99 = r.figures().stream().filter(m -> m.metric().equals("p99")).findFirst().orElseThrow();
        assertThat(p99.unit()).isEqualTo("us");
        assertThat(p99.forks()).hasDimensions(1, 5);
        assertThat(p99.error()).isPositive().isFinite();
        assertThat(r.figures()).extracting(Measurement::metric).containsExactly("p50", "p90", "p99", "p99.9", "p99.99", "p99.999", "max");
        assertThat(r.curve().maxMicros()).isGreaterThanOrEqualTo(p99.value());
    }

    @Test
    void aNameOutsideTheContractOrAFileThatIsNoLogIsRejectedNamingIt(@TempDir Path dir) throws IOException {
        Path badName = Files.copy(Fixtures.path("run-c").resolve("raw/hdr/latency-LOCK_FREE-t1.hlog"), dir.resolve("latency.hlog"));
        assertThatThrownBy(() -> new IntervalLogReader().read(badName, Catalog.of(null))).isInstanceOf(RunFormatException.class)
                .hasMessageContaining("latency.hlog");
        Path empty = Files.writeString(dir.resolve("latency-X-t1.hlog"), "#[StartTime: 1.0 (seconds since epoch)]\n");
        assertThat(new IntervalLogReader().read(empty, Catalog.of(null))).as("a failed trial's log: no figures, no error").isEmpty();
    }
}
