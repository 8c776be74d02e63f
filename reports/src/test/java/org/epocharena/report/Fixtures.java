package org.epocharena.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** The captured JMH runs under src/test/resources/fixtures (see the README there), and copies of them. */
public final class Fixtures {
    private Fixtures() {
    }

    /** The fixture folder {@code name} (run-a, run-b), read-only: tests that write use {@link #copy}. */
    public static Path path(String name) {
        try {
            return Path.of(Fixtures.class.getResource("/fixtures/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A copy of fixture {@code name} in {@code dir}, so a report can be written into it. */
    public static Path copy(String name, Path dir) {
        return copyTree(path(name), dir.resolve(name));
    }

    /** Copies the folder {@code from} with all it holds to {@code to} and returns {@code to} (results-store's test runs too). */
    public static Path copyTree(Path from, Path to) {
        try (Stream<Path> s = Files.walk(from)) {
            for (Path p : s.toList()) {
                Path t = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(t);
                } else {
                    Files.copy(p, t);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return to;
    }
}
