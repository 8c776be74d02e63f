package org.epocharena.runformat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunManifestTest {
    private static final RunManifest MANIFEST = new RunManifest(RunManifest.SCHEMA, 2,
            List.of(new RunManifest.Implementation("STRIPED", false, "design", true, null),
                    new RunManifest.Implementation("JVM_NEW", true, "new byte[n]", false, "not selected")),
            List.of(new RunManifest.HarnessEntry("latency", "org.x.LatencyBenchmark.allocate", "How long?", null,
                    "one call", List.of(new RunManifest.HeadlineEntry("p99", "allocate p99", "p99", "lower", "us", 0.05,
                            0.03, RunManifest.HeadlineEntry.HDR_SOURCE)))));

    @Test
    void whatIsWrittenReadsBackTheSame(@TempDir Path dir) throws Exception {
        Path file = dir.resolve(RunManifest.FILE_NAME);
        MANIFEST.write(file);
        assertThat(RunManifest.readIfPresent(file)).isEqualTo(MANIFEST);
        String text = Files.readString(file);
        assertThat(text).as("pretty-printed, a null left out").contains("\n  \"schema\": 1,")
                .doesNotContain("threadsParam").doesNotContain("null").endsWith("}\n");
        assertThat(MANIFEST.harnessForBenchmark("org.x.LatencyBenchmark.allocate")).map(RunManifest.HarnessEntry::name)
                .contains("latency");
    }

    @Test
    void anAbsentManifestIsNoneAndAnotherSchemaIsRefused(@TempDir Path dir) throws Exception {
        assertThat(RunManifest.readIfPresent(dir.resolve(RunManifest.FILE_NAME))).isNull();
        assertThatThrownBy(() -> RunManifest.parse("{\"schema\": 2}", "run/manifest.json"))
                .isInstanceOf(RunFormatException.class).hasMessageContaining("schema must be 1, was 2")
                .hasMessageContaining("run/manifest.json");
        assertThatThrownBy(() -> RunManifest.parse("{\"schema\": 1, \"harnesses\": [{\"name\": \"x\"}]}", "m.json"))
                .isInstanceOf(RunFormatException.class).hasMessageContaining("without a name or benchmark");
        assertThatThrownBy(() -> RunManifest.parse("[1]", "m.json")).isInstanceOf(RunFormatException.class);
    }
}
