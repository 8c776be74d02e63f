package org.epocharena.bench.suite;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.epocharena.ArenaKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One real, tiny paired run (two forks per side, real forked JVMs, one short iteration each): both
 * run folders get merged JMH JSON with one rawData entry per fork, the per-fork JSON JMH wrote, their
 * own env.json (the base with the base's commit), and the forks ran in ABBA order. The base's "jar" is
 * a manifest jar of this test's own class path, so this is an A/A run; timing is not checked.
 */
class PairedRunTest {
    @TempDir
    Path tmp;

    /** A jar that is only a manifest whose Class-Path is this test's class path: the base's benchmarks.jar stand-in. */
    private Path manifestJar(String classPath) throws Exception {
        return manifestJar(classPath, "base.jar");
    }

    private Path manifestJar(String classPath, String name) throws Exception {
        StringBuilder entries = new StringBuilder();
        for (String entry : classPath.isEmpty() ? new String[0] : classPath.split(File.pathSeparator)) {
            entries.append(Path.of(entry).toUri()).append(' ');
        }
        Manifest m = new Manifest();
        m.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        m.getMainAttributes().put(Attributes.Name.CLASS_PATH, entries.toString().trim());
        Path jar = tmp.resolve(name);
        try (JarOutputStream ignored = new JarOutputStream(Files.newOutputStream(jar), m)) {
            return jar;
        }
    }

    @Test
    void bothSidesGetMergedForksInAbbaOrder() throws Exception {
        String classPath = manifestJar(System.getProperty("java.class.path")).toString();
        System.setProperty("jmh.ignoreLock", "true");
        Path head = tmp.resolve("run");
        Path base = head.resolve("base");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int exit = Suite.run(new String[] {"--profile", "smoke", "--out", head.toString(), "--harness", "allocation",
            "--impls", ArenaKind.values()[0].name(), "--threads", "1", "--pair-with", classPath, "--pair-out", base.toString(),
            "--pair-forks", "2", "--pair-commit", "0123abc", "--", "-wi", "0", "-i", "1", "-r", "20ms"},
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(out, true, StandardCharsets.UTF_8));
        String log = out.toString(StandardCharsets.UTF_8);
        assertThat(exit).as(log).isEqualTo(Suite.OK);

        for (Path side : List.of(head, base)) {
            for (JsonElement e : JsonParser.parseString(Files.readString(side.resolve("raw/jmh-allocation-t1.json"))).getAsJsonArray()) {
                JsonObject b = e.getAsJsonObject();
                assertThat(b.get("forks").getAsInt()).isEqualTo(2);
                assertThat(b.getAsJsonObject("primaryMetric").getAsJsonArray("rawData")).hasSize(2);
            }
            assertThat(side.resolve("raw/forks/jmh-allocation-t1-fork1.json")).isNotEmptyFile();
            assertThat(side.resolve("raw/forks/jmh-allocation-t1-fork2.json")).isNotEmptyFile();
            assertThat(side.resolve("manifest.json")).isNotEmptyFile();
        }
        JsonObject baseEnv = JsonParser.parseString(Files.readString(base.resolve("env.json"))).getAsJsonObject();
        assertThat(baseEnv.get("gitCommit").getAsString()).isEqualTo("0123abc");
        assertThat(baseEnv.get("jvmFlags").getAsString()).doesNotContain(base.toString()).doesNotContain(head.toString());

        String console = Files.readString(head.resolve("raw/console.log"));
        int b1 = console.indexOf("# base fork 1 of jmh-allocation-t1.json");
        int h1 = console.indexOf("# head fork 1 of jmh-allocation-t1.json");
        int h2 = console.indexOf("# head fork 2 of jmh-allocation-t1.json");
        int b2 = console.indexOf("# base fork 2 of jmh-allocation-t1.json");
        assertThat(b1).as(console).isNotNegative();
        assertThat(new int[] {b1, h1, h2, b2}).isSorted();
    }

    @Test
    void aBaseThatCannotRunIsAWarningAndTheHeadStillGetsItsResults() throws Exception {
        System.setProperty("jmh.ignoreLock", "true");
        Path head = tmp.resolve("run");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = Suite.run(new String[] {"--profile", "smoke", "--out", head.toString(), "--harness", "allocation",
            "--impls", ArenaKind.values()[0].name(), "--threads", "1", "--pair-with", manifestJar("", "empty.jar").toString(),
            "--pair-out", head.resolve("base").toString(), "--pair-forks", "2", "--", "-wi", "0", "-i", "1", "-r", "20ms"},
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        String stderr = err.toString(StandardCharsets.UTF_8);
        assertThat(exit).as(out.toString(StandardCharsets.UTF_8) + stderr).isEqualTo(Suite.OK);
        assertThat(stderr).contains("warning: the base could not run everything").contains("base fork 1 of jmh-allocation-t1.json");
        assertThat(head.resolve("raw/jmh-allocation-t1.json")).isNotEmptyFile();
        assertThat(head.resolve("base/raw/jmh-allocation-t1.json")).doesNotExist();
    }
}
