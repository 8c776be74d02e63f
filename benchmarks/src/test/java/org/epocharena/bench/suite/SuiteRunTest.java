package org.epocharena.bench.suite;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One real, tiny run through the JMH Runner (in this JVM, {@code -f 0}, 2 x 10 ms), to check the run
 * folder the report reads: env.json first, JMH JSON per harness part with the secondary figures,
 * console.log and the progress line. Timing figures are not checked: a test checks behaviour.
 */
class SuiteRunTest {
    @TempDir
    Path tmp;

    @Test
    void aTinyRunWritesTheRunFolder() throws Exception {
        // Another JMH on this shared machine holds JMH's global lock; this in-process run does not measure anything.
        System.setProperty("jmh.ignoreLock", "true");
        Path runDir = tmp.resolve("run");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = Suite.run(new String[] {"--profile", "smoke", "--out", runDir.toString(), "--harness", "oom",
            "--impls", "LOCK_FREE", "--", "-f", "0", "-wi", "0", "-i", "2", "-r", "10ms", "-p", "start=EMPTY"},
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));

        String stdout = out.toString(StandardCharsets.UTF_8);
        assertThat(exit).as("stdout:%n%s%nstderr:%n%s", stdout, err).isEqualTo(Suite.OK);
        assertThat(stdout).contains("[1/7] oom").contains("elapsed").contains("# Run progress");

        JsonObject env = JsonParser.parseString(Files.readString(runDir.resolve("env.json"))).getAsJsonObject();
        assertThat(env.keySet()).contains("cpuModel", "cores", "memoryBytes", "os", "jvmName", "jvmVersion", "jvmPath",
                "jvmFlags", "gitCommit", "profile", "commandLine", "startedAt", "harnesses", "impls");
        assertThat(env.get("profile").getAsString()).isEqualTo("smoke");
        assertThat(env.get("impls").getAsJsonArray().get(0).getAsString()).isEqualTo("LOCK_FREE");

        JsonArray results = JsonParser.parseString(Files.readString(runDir.resolve("raw/jmh-oom.json"))).getAsJsonArray();
        assertThat(results).hasSize(4);
        for (var r : results) {
            JsonObject o = r.getAsJsonObject();
            assertThat(o.getAsJsonObject("params").get("kind").getAsString()).isEqualTo("LOCK_FREE");
            if (o.get("benchmark").getAsString().endsWith(".fill")) {
                double utilization = o.getAsJsonObject("secondaryMetrics").getAsJsonObject("utilization")
                        .get("score").getAsDouble();
                assertThat(utilization).isBetween(0.5, 1.0);
            }
        }
        assertThat(runDir.resolve("raw/console.log")).isNotEmptyFile();
        assertThat(runDir.resolve("raw/hdr")).isDirectory();
        // the once-point (stall=STALLED, for STRIPED) falls back to the only selected design
        assertThat(runDir.resolve("raw/jmh-oom-stallSTALLED.json")).exists();
    }
}
