package org.epocharena.report.jmh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.epocharena.report.BadInputException;
import org.epocharena.report.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HgrmParserTest {

    @Test
    void readsTheSpectrumAndTheFooter() {
        PercentileCurve c = new HgrmParser().parse(Fixtures.path("run-a").resolve("raw/hdr/latency-STRIPED-t1.hgrm"));
        assertThat(c.harness()).isEqualTo("latency");
        assertThat(c.implementation()).isEqualTo("STRIPED");
        assertThat(c.threads()).isEqualTo(1);
        assertThat(c.baseline()).isFalse();
        assertThat(c.maxMicros()).isEqualTo(4055.039);
        assertThat(c.count()).isEqualTo(9520450);
        assertThat(java.util.Arrays.stream(c.percentiles()).allMatch(p -> p >= 0 && p < 1)).isTrue();
        assertThat(c.percentiles()[0]).isEqualTo(0.0);
        assertThat(c.micros()[0]).isEqualTo(0.020);
        assertThat(c.at(0.5)).isEqualTo(0.030);
        assertThat(c.at(1.0)).isEqualTo(4055.039);
    }

    @Test
    void baselineIsRecognisedFromTheFileName() {
        PercentileCurve c = new HgrmParser().parse(Fixtures.path("run-b").resolve("raw/hdr/latency-JVM_NEW-t1.hgrm"));
        assertThat(c.baseline()).isTrue();
    }

    @Test
    void badNameAndBadContentAreRejectedByName(@TempDir Path dir) throws IOException {
        Path badName = Files.writeString(dir.resolve("latency.hgrm"), "x");
        assertThatThrownBy(() -> new HgrmParser().parse(badName)).isInstanceOf(BadInputException.class)
                .hasMessageContaining(badName.toString());
        Path noRows = Files.writeString(dir.resolve("latency-STRIPED-t1.hgrm"), "not a histogram\n");
        assertThatThrownBy(() -> new HgrmParser().parse(noRows)).isInstanceOf(BadInputException.class)
                .hasMessageContaining("no rows").hasMessageContaining(noRows.toString());
        Path unknown = Files.copy(Fixtures.path("run-a").resolve("raw/hdr/latency-STRIPED-t1.hgrm"),
                dir.resolve("latency-STRIPEY-t1.hgrm"));
        assertThatThrownBy(() -> new HgrmParser().parse(unknown)).isInstanceOf(BadInputException.class)
                .hasMessageContaining("kind=STRIPEY");
    }
}
