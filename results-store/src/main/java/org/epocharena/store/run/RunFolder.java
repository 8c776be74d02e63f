package org.epocharena.store.run;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Collectors;
import org.epocharena.runformat.Catalog;
import org.epocharena.runformat.IntervalLogReader;
import org.epocharena.runformat.JmhResultReader;
import org.epocharena.runformat.Measurement;
import org.epocharena.runformat.RunFormatException;
import org.epocharena.runformat.RunManifest;
import org.epocharena.runformat.SideFiles;
import org.epocharena.runformat.UtilizationShare;

/**
 * Reads a run folder as {@code ./run-bench.sh} writes it ({@code env.json}, {@code manifest.json} when
 * present, {@code raw/jmh-*.json}, the interval logs of {@link SideFiles}) into a {@link RunRecord}, with
 * the same readers as the report, so the store keeps the figures the report shows. Everything is read and checked here, before
 * the store is touched, so a corrupt or foreign file refuses the whole run and nothing is written.
 */
public final class RunFolder {
    private static final List<String> ENV_FIELDS = List.of("cpuModel", "cores", "memoryBytes", "os", "jvmName",
            "jvmVersion", "gitCommit", "profile", "startedAt");

    private RunFolder() {
    }

    /** @throws BadRunException naming the file when the folder is not a complete, readable run */
    public static RunRecord read(Path folder) {
        if (!Files.isDirectory(folder)) {
            throw new BadRunException(folder + ": not a run folder (no such directory)");
        }
        Path envFile = folder.resolve("env.json");
        if (!Files.isRegularFile(envFile)) {
            throw new BadRunException(envFile + ": missing; a run folder needs env.json (the machine it ran on)");
        }
        String envJson = text(envFile);
        Path manifestFile = folder.resolve(RunManifest.FILE_NAME);
        String manifestJson = Files.isRegularFile(manifestFile) ? text(manifestFile) : null;
        MessageDigest hash = sha256();
        digest(hash, "env.json", envJson);
        List<Measurement> figures = new ArrayList<>();
        Catalog catalog;
        try {
            catalog = Catalog.of(manifestJson == null ? null : RunManifest.parse(manifestJson, manifestFile.toString()));
            if (manifestJson != null) {
                digest(hash, RunManifest.FILE_NAME, manifestJson);
            }
            JmhResultReader jmh = new JmhResultReader(catalog);
            for (Path f : resultFiles(folder)) {
                String json = text(f);
                digest(hash, "raw/" + f.getFileName(), json);
                figures.addAll(jmh.parse(json, f.toString(), f.getFileName().toString()));
            }
            IntervalLogReader hdr = new IntervalLogReader();
            for (Path f : intervalLogs(folder)) {
                String log = text(f);
                digest(hash, "raw/" + SideFiles.INTERVAL_LOG_DIR + "/" + f.getFileName(), log);
                // A log without an interval is a trial that failed before measuring: the report warns and
                // goes on, the store refuses the run, since a stored run is compared with later ones as is.
                IntervalLogReader.Result r = hdr.read(new ByteArrayInputStream(log.getBytes(StandardCharsets.UTF_8)),
                        f.toString(), f.getFileName().toString(), catalog).orElseThrow(() -> new BadRunException(
                        f + ": an HdrHistogram log with no recorded interval"));
                figures.addAll(r.figures());
            }
        } catch (RunFormatException e) {
            throw new BadRunException(e.getMessage(), e);
        }

        JsonObject env = envObject(envJson, envFile);
        Machine machine = new Machine(str(env, "cpuModel"), env.get("cores").getAsInt(), env.get("memoryBytes").getAsLong(),
                str(env, "os"), str(env, "jvmName"), str(env, "jvmVersion"), measuringFlags(flags(env), folder));
        return new RunRecord(HexFormat.of().formatHex(hash.digest()), machine, str(env, "gitCommit"), str(env, "profile"),
                str(env, "startedAt"), env.has("commandLine") ? str(env, "commandLine") : "", realPath(folder).toString(),
                envJson, manifestJson, catalog, UtilizationShare.addTo(figures));
    }

    /** reports/runs/latest is a link: keep where the run really is, so the history page can link its report. */
    private static Path realPath(Path folder) {
        try {
            return folder.toRealPath();
        } catch (IOException e) {
            return folder.toAbsolutePath().normalize();
        }
    }

    /** The HdrHistogram interval logs by name; none in runs of harnesses that write none. */
    private static List<Path> intervalLogs(Path folder) {
        Path hdr = folder.resolve("raw").resolve(SideFiles.INTERVAL_LOG_DIR);
        List<Path> files = new ArrayList<>();
        if (Files.isDirectory(hdr)) {
            try (DirectoryStream<Path> ds = Files.newDirectoryStream(hdr, "*" + SideFiles.INTERVAL_LOG_SUFFIX)) {
                ds.forEach(files::add);
            } catch (IOException e) {
                throw new BadRunException(hdr + ": cannot list: " + e.getMessage(), e);
            }
        }
        files.sort(null);
        return files;
    }

    private static List<Path> resultFiles(Path folder) {
        Path raw = folder.resolve("raw");
        List<Path> files = new ArrayList<>();
        if (Files.isDirectory(raw)) {
            try (DirectoryStream<Path> ds = Files.newDirectoryStream(raw, "jmh-*.json")) {
                ds.forEach(files::add);
            } catch (IOException e) {
                throw new BadRunException(raw + ": cannot list: " + e.getMessage(), e);
            }
        }
        if (files.isEmpty()) {
            throw new BadRunException(raw + ": no JMH result (raw/jmh-*.json); nothing was measured in this run");
        }
        files.sort(null);
        return files;
    }

    private static JsonObject envObject(String json, Path file) {
        JsonElement root;
        try {
            root = JsonParser.parseString(json);
        } catch (JsonParseException e) {
            throw new BadRunException(file + ": not valid JSON (truncated or corrupt)", e);
        }
        if (!root.isJsonObject()) {
            throw new BadRunException(file + ": not an env.json (expected a JSON object)");
        }
        JsonObject env = root.getAsJsonObject();
        List<String> missing = ENV_FIELDS.stream().filter(k -> !env.has(k) || env.get(k).isJsonNull()).toList();
        if (!missing.isEmpty()) {
            throw new BadRunException(file + ": not an env.json of a run, missing " + String.join(", ", missing));
        }
        try {
            env.get("cores").getAsInt();
            env.get("memoryBytes").getAsLong();
        } catch (RuntimeException e) {
            throw new BadRunException(file + ": cores and memoryBytes must be numbers, were " + env.get("cores") + " and "
                    + env.get("memoryBytes"), e);
        }
        return env;
    }

    /**
     * The flags that change what is measured: without the ones that only name where this run writes its
     * files (the Suite passes {@code -Depocharena.hdr.dir=<run>/raw/hdr}), which differ in every run and
     * would make every run a machine of its own.
     */
    static String measuringFlags(String flags, Path folder) {
        String real = realPath(folder).toString();
        String absolute = folder.toAbsolutePath().normalize().toString();
        return java.util.Arrays.stream(flags.trim().split("\\s+"))
                .filter(f -> !f.isEmpty() && !f.startsWith("-Depocharena.hdr.dir=") && !f.contains(real) && !f.contains(absolute))
                .collect(Collectors.joining(" "));
    }

    /** The Suite writes the flags as one string; older env.json files have an array. */
    private static String flags(JsonObject env) {
        JsonElement f = env.get("jvmFlags");
        if (f == null || f.isJsonNull()) {
            return "";
        }
        return f.isJsonArray() ? f.getAsJsonArray().asList().stream().map(JsonElement::getAsString)
                .collect(Collectors.joining(" ")) : f.getAsString();
    }

    private static String str(JsonObject o, String key) {
        JsonElement e = o.get(key);
        return e.isJsonPrimitive() ? e.getAsString() : e.toString();
    }

    /** The file as strict UTF-8: a binary or otherwise foreign file is refused here, by name. */
    private static String text(Path file) {
        try {
            byte[] bytes = Files.readAllBytes(file);
            if (bytes.length == 0) {
                throw new BadRunException(file + ": empty file");
            }
            return StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new BadRunException(file + ": not UTF-8 text (binary or foreign file)", e);
        } catch (IOException e) {
            throw new BadRunException(file + ": cannot read: " + e.getMessage(), e);
        }
    }

    private static void digest(MessageDigest hash, String name, String content) {
        hash.update(name.getBytes(StandardCharsets.UTF_8));
        hash.update((byte) 0);
        hash.update(content.getBytes(StandardCharsets.UTF_8));
        hash.update((byte) 0);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
