package org.epocharena.report.jmh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.epocharena.report.BadInputException;
import org.epocharena.report.Fixtures;
import org.epocharena.report.fixture.SyntheticRun;
import org.epocharena.runformat.Catalog;
import org.epocharena.runformat.Headline;
import org.epocharena.runformat.Measurement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a run measured comes from its manifest, or from its JMH params when it has none. */
class CatalogTest {

    @Test
    void manifestGivesOrderBaselinesHeadlinesAndWhatDidNotRun() {
        RunData run = new RunLoader().load(Fixtures.path("run-c"));
        Catalog c = run.catalog();
        assertThat(c.hasManifest()).isTrue();
        assertThat(c.implementations()).startsWith(SyntheticRun.DESIGNS);
        assertThat(c.isBaseline("JVM_NEW")).isTrue();
        assertThat(c.isBaseline("LOCK_FREE")).isFalse();
        assertThat(c.notRun()).containsOnlyKeys("FFM_SHARED");
        assertThat(run.cores()).isEqualTo(2);
        Measurement heap = run.measurements().stream().filter(m -> m.metric().equals("gc.alloc.rate.norm")).findFirst().orElseThrow();
        Headline h = c.headlineOf(heap);
        assertThat(h.label()).isEqualTo("heap B/op");
        assertThat(h.higherBetter()).isFalse();
        assertThat(h.practicallyDifferent(0.0005, 0.0007)).as("both zero garbage: the same").isFalse();
        assertThat(h.practicallyDifferent(0, 80)).isTrue();
        Measurement jmhTail = run.measurements().stream().filter(m -> m.metric().equals("p99.99") && !m.mode().equals("hdr"))
                .findFirst().orElseThrow();
        Measurement hdrTail = run.measurements().stream().filter(m -> m.metric().equals("p99.99") && m.mode().equals("hdr"))
                .findFirst().orElseThrow();
        assertThat(c.headlineOf(hdrTail)).as("the manifest's p99.99 headline reads the HdrHistogram logs").isNotNull();
        assertThat(c.headlineOf(jmhTail)).as("JMH's SampleTime p0.9999 (timer included) is not that headline").isNull();
        Measurement tput = run.measurements().stream().filter(m -> m.harness().equals("throughput") && m.metric().equals("score"))
                .findFirst().orElseThrow();
        assertThat(run.measurements().stream().filter(m -> m.harness().equals("throughput")).mapToInt(Measurement::threads).max())
                .hasValue(1024);
        assertThat(tput.implementation()).isEqualTo("REFERENCE");
    }

    @Test
    void withoutManifestKindIsADesignAndBaselineABaseline() {
        RunData run = new RunLoader().load(Fixtures.path("run-b"));
        Catalog c = run.catalog();
        assertThat(c.hasManifest()).isFalse();
        assertThat(c.implementations()).contains("REFERENCE", "STRIPED", "JVM_NEW");
        assertThat(c.isBaseline("JVM_NEW")).isTrue();
        assertThat(c.isBaseline("STRIPED")).isFalse();
        Measurement score = run.measurements().stream().filter(m -> m.harness().equals("throughput") && m.metric().equals("score"))
                .findFirst().orElseThrow();
        Headline h = c.headlineOf(score);
        assertThat(h.higherBetter()).isTrue();
        assertThat(h.floorRelative()).isEqualTo(0.05);
    }

    @Test
    void defaultFloorsAreOneBytePerOpAThousandthOfAShareAndTheTimerResolution() {
        assertThat(Catalog.defaultFloorAbsolute("gc.alloc.rate.norm", "B/op")).isEqualTo(1);
        assertThat(Catalog.defaultFloorAbsolute("usableShare", "share")).isEqualTo(0.001);
        assertThat(Catalog.defaultFloorAbsolute("score", "ns/op")).isEqualTo(30);
        assertThat(Catalog.defaultFloorAbsolute("score", "us/op")).isEqualTo(0.03);
        assertThat(Catalog.defaultFloorAbsolute("score", "ops/s")).isEqualTo(0);
    }

    @Test
    void aManifestOfAnotherSchemaIsRejectedNamingIt(@TempDir Path dir) throws IOException {
        Path run = new SyntheticRun().write(dir.resolve("r"));
        Files.writeString(run.resolve("manifest.json"), "{\"schema\": 2}");
        assertThatThrownBy(() -> new RunLoader().load(run)).isInstanceOf(BadInputException.class)
                .hasMessageContaining("schema 2").hasMessageContaining("manifest.json");
    }
}
