package org.epocharena.bench.latency;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Points {@link HdrOutput} at a fresh folder for each test, and afterwards puts its system property back as it was
 * and deletes the folder. A fresh one each time because HdrOutput adds to a {@code .hlog} it finds (a later fork of
 * the same trial), so a shared folder would carry one test's intervals into the next.
 * Use: {@code @RegisterExtension final HdrFolder hdr = new HdrFolder();} and {@link #path()}.
 */
final class HdrFolder implements BeforeEachCallback, AfterEachCallback {
    private Path path;
    private String previous;

    Path path() {
        return path;
    }

    @Override
    public void beforeEach(ExtensionContext context) throws IOException {
        path = Files.createTempDirectory("epocharena-hdr");
        previous = System.setProperty(HdrOutput.DIR_PROPERTY, path.toString());
    }

    @Override
    public void afterEach(ExtensionContext context) throws IOException {
        if (previous == null) {
            System.clearProperty(HdrOutput.DIR_PROPERTY);
        } else {
            System.setProperty(HdrOutput.DIR_PROPERTY, previous);
        }
        try (Stream<Path> tree = Files.walk(path)) {
            for (Path p : tree.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
