package org.epocharena.report.output;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Writes the report into a hidden staging folder inside the target and moves it into place only when
 * everything was written, so a failure half-way leaves the previous report untouched. Files are moved
 * one by one (atomic rename on the same file system); charts/ is swapped as a whole.
 */
public final class StagedOutput implements AutoCloseable {
    private final Path target;
    private final Path staging;
    private boolean committed;

    public StagedOutput(Path target) throws IOException {
        this.target = target;
        Files.createDirectories(target);
        this.staging = Files.createTempDirectory(target, ".report-staging-");
        Files.createDirectories(staging.resolve("charts"));
    }

    /** Where to write; the same relative layout as the target. */
    public Path dir() {
        return staging;
    }

    /** Moves every staged file into the target, replacing the previous report. */
    public void commit() throws IOException {
        Path oldCharts = target.resolve(".charts-old-" + staging.getFileName());
        if (Files.isDirectory(target.resolve("charts"))) {
            Files.move(target.resolve("charts"), oldCharts);
        }
        move(staging.resolve("charts"), target.resolve("charts"));
        try (Stream<Path> s = Files.list(staging)) {
            for (Path p : s.toList()) {
                move(p, target.resolve(p.getFileName().toString()));
            }
        }
        delete(oldCharts);
        committed = true;
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    @Override
    public void close() throws IOException {
        delete(staging);
        if (!committed) {
            Path old = target.resolve(".charts-old-" + staging.getFileName());
            if (Files.isDirectory(old) && !Files.exists(target.resolve("charts"))) {
                Files.move(old, target.resolve("charts"));
            }
        }
    }

    private static void delete(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            List<Path> all = s.sorted(Comparator.reverseOrder()).toList();
            for (Path p : all) {
                Files.deleteIfExists(p);
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }
}
