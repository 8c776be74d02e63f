package org.epocharena.bench.suite;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import org.epocharena.runformat.SideFiles;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.options.Options;

/**
 * The files of a run folder other than what JMH writes itself: the folders under {@code raw/}, and
 * {@code manifest.json} and {@code env.json}, written before the first JMH run (so an interrupted run
 * still says what it set out to do) and the manifest again at the end with what finished. A paired
 * run has a second folder, the base's, with the same files; its {@code env.json} names the base's
 * commit. The JMH JSON goes to {@code raw/jmh-<harness>[-<part>].json} (a paired run's forks to
 * {@code raw/forks/}, merged here), the interval logs to {@code raw/hdr/}, the console to
 * {@code raw/console.log}.
 */
final class RunFolderWriter {
    private final Path out;
    private final Path baseOut;
    private final String baseCommit;

    /**
     * @param out        the run folder
     * @param baseOut    the base's run folder, or null when the run is not paired
     * @param baseCommit the base's git commit for its {@code env.json}, or null when unknown
     */
    RunFolderWriter(Path out, Path baseOut, String baseCommit) {
        this.out = out;
        this.baseOut = baseOut;
        this.baseCommit = baseCommit;
    }

    Path raw() {
        return out.resolve("raw");
    }

    Path baseRaw() {
        return baseOut.resolve("raw");
    }

    private boolean paired() {
        return baseOut != null;
    }

    /** Creates the folders and writes the manifest of what the run sets out to do and the environment. */
    void begin(RunRequest request, List<String> flags) throws IOException {
        Files.createDirectories(raw().resolve(SideFiles.INTERVAL_LOG_DIR));
        Files.createDirectories(raw().resolve(SideFiles.HELD_DIR));
        request.manifest(null).write(out.resolve("manifest.json"));
        Environment.write(out.resolve("env.json"), request.forkJvm(), flags, request.profile().name(),
                request.harnesses(), request.selected().names(), request.args(), Environment.gitCommit());
        if (paired()) {
            Files.createDirectories(raw().resolve("forks"));
            Files.createDirectories(baseRaw().resolve(SideFiles.INTERVAL_LOG_DIR));
            Files.createDirectories(baseRaw().resolve(SideFiles.HELD_DIR));
            Files.createDirectories(baseRaw().resolve("forks"));
            request.manifest(null).write(baseOut.resolve("manifest.json"));
            Environment.write(baseOut.resolve("env.json"), request.forkJvm(), flags, request.profile().name(),
                    request.harnesses(), request.selected().names(), request.args(),
                    baseCommit == null || baseCommit.isBlank() ? "unknown" : baseCommit.trim());
        }
    }

    /** Rewrites the manifest with the implementations that produced at least one result. */
    void finish(RunRequest request, Set<String> finished) throws IOException {
        request.manifest(finished).write(out.resolve("manifest.json"));
        if (paired()) {
            request.manifest(finished).write(baseOut.resolve("manifest.json"));
        }
    }

    /** One side's forks of one planned run as one JMH JSON; nothing when none of its forks produced a result. */
    static void writeMerged(List<Collection<RunResult>> forks, Path file, PrintStream stdout) throws IOException {
        if (forks == null) {
            return;
        }
        List<RunResult> merged = ForkMerge.merge(forks);
        if (!merged.isEmpty()) {
            ForkMerge.write(merged, file);
            stdout.println("      merged " + forks.size() + " forks into " + file);
        }
    }

    /** The forks' JVM flags for env.json, without the run's own output folders (they name a path, not a setting). */
    static List<String> runFlags(Options options) {
        List<String> flags = new ArrayList<>(options.getJvmArgs().orElse(List.of()));
        flags.addAll(options.getJvmArgsAppend().orElse(List.of()));
        flags.removeIf(f -> f.startsWith("-D" + PlannedRun.HDR_DIR_PROPERTY + "=")
                || f.startsWith("-D" + PlannedRun.HELD_DIR_PROPERTY + "="));
        return flags;
    }

    /**
     * JMH creates its result file when a run starts and fills it at the end: an interrupted run
     * leaves it empty, which is not a JMH result array, so it goes rather than confuse the report.
     */
    static void dropEmpty(Path resultFile) {
        try {
            if (resultFile != null && Files.isRegularFile(resultFile) && Files.size(resultFile) == 0) {
                Files.delete(resultFile);
            }
        } catch (IOException e) {
            // best effort while the JVM is going down
        }
    }

    /**
     * A run folder must be new or empty: an earlier run's JSON or interval logs would mix into this run's,
     * and the report written into it afterwards would overwrite whatever else it holds.
     */
    static void checkNew(Path dir) throws IOException {
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new IllegalArgumentException("--out " + dir + ": exists and is not a folder");
        }
        Path raw = dir.resolve("raw");
        if (Files.isDirectory(raw)) {
            try (DirectoryStream<Path> old = Files.newDirectoryStream(raw, "jmh-*.json")) {
                for (Path p : old) {
                    throw new IllegalArgumentException("--out " + dir + ": already holds results (" + p.getFileName()
                            + "); choose a new run folder");
                }
            }
        }
        Path hdr = raw.resolve(SideFiles.INTERVAL_LOG_DIR);
        if (Files.isDirectory(hdr)) {
            try (DirectoryStream<Path> old = Files.newDirectoryStream(hdr, "*" + SideFiles.INTERVAL_LOG_SUFFIX)) {
                for (Path p : old) {
                    throw new IllegalArgumentException("--out " + dir + ": already holds HdrHistogram logs ("
                            + p.getFileName() + "); choose a new run folder");
                }
            }
        }
        if (Files.isDirectory(dir)) {
            try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
                for (Path p : entries) {
                    throw new IllegalArgumentException("--out " + dir + " already holds files (" + p.getFileName()
                            + "); choose a new folder so nothing is overwritten");
                }
            }
        }
    }
}
