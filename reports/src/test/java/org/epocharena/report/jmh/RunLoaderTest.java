package org.epocharena.report.jmh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.epocharena.report.BadInputException;
import org.epocharena.report.Fixtures;
import org.epocharena.runformat.Measurement;
import org.epocharena.runformat.PercentileCurve;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunLoaderTest {

    @Test
    void runFolderReadsEveryJmhFileHistogramsAndEnv() {
        RunData run = new RunLoader().load(Fixtures.path("run-b"));
        assertThat(run.measurements()).extracting(Measurement::harness)
                .contains("latency", "throughput", "oom", "reclaim", "garbage");
        assertThat(run.curves()).extracting(PercentileCurve::implementation).containsExactly("JVM_NEW", "REFERENCE", "STRIPED");
        assertThat(run.environment()).containsKey("cpuModel").containsEntry("profile", "fixture");
        assertThat(run.environment()).containsKey("jmh"); // JMH's own settings line is kept beside env.json
        assertThat(run.warnings()).isEmpty();
        assertThat(run.rawFiles()).anyMatch(p -> p.endsWith("env.json")).anyMatch(p -> p.endsWith("raw/jmh-oom.json"));
    }

    @Test
    void withoutEnvJsonTheEnvironmentComesFromJmhWithAWarning() {
        RunData run = new RunLoader().load(Fixtures.path("run-a"));
        assertThat(run.environment()).containsKey("jvmVersion");
        assertThat(run.warnings()).anyMatch(w -> w.contains("env.json is missing"));
    }

    @Test
    void partialRunKeepsWhatFinishedAndSaysWhatDidNot(@TempDir Path dir) throws IOException {
        Path run = Files.createDirectories(dir.resolve("run/raw"));
        Files.copy(Fixtures.path("run-b").resolve("raw/jmh-latency.json"), run.resolve("jmh-latency.json"));
        Files.createFile(run.resolve("jmh-throughput.json")); // the harness that was interrupted
        RunData data = new RunLoader().load(dir.resolve("run"));
        assertThat(data.measurements()).extracting(Measurement::harness).containsOnly("latency");
        assertThat(data.warnings()).anyMatch(w -> w.contains("jmh-throughput.json is empty"));
    }

    @Test
    void singleJsonFile() {
        RunData run = new RunLoader().load(Fixtures.path("run-a").resolve("raw/jmh-reclaim.json"));
        assertThat(run.measurements()).extracting(Measurement::harness).containsOnly("reclaim");
        assertThat(run.rawFiles()).hasSize(1);
    }

    @Test
    void folderWithoutResultsAndMissingInputAreRejectedByName(@TempDir Path dir) throws IOException {
        Path empty = Files.createDirectories(dir.resolve("run/raw"));
        Files.writeString(empty.resolve("console.log"), "interrupted");
        assertThatThrownBy(() -> new RunLoader().load(dir.resolve("run"))).isInstanceOf(BadInputException.class)
                .hasMessageContaining("no JMH results").hasMessageContaining(dir.resolve("run").toString());
        Path missing = dir.resolve("nope");
        assertThatThrownBy(() -> new RunLoader().load(missing)).isInstanceOf(BadInputException.class)
                .hasMessageContaining("not found").hasMessageContaining(missing.toString());
    }

    @Test
    void utilizationShareIsDerivedPerIterationFromAuxCounters() {
        RunData run = new RunLoader().load(Fixtures.path("run-a"));
        Measurement share = run.measurements().stream()
                .filter(m -> m.metric().equals("usableShare") && m.implementation().equals("REFERENCE")).findFirst().orElseThrow();
        assertThat(share.unit()).isEqualTo("%");
        assertThat(share.value()).isCloseTo(100 * 65520.0 / 65536.0, org.assertj.core.api.Assertions.within(1e-9));
        assertThat(share.samples()).hasSize(3);
    }
}
