package org.epocharena.store;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import org.epocharena.report.Fixtures;

/**
 * The test runs of src/test/resources/runs (see generate.py there): seven runs on two machines (A: a-1,
 * a-2, a-3 at C1, a-4, a-5 at C2; B: b-1 at C1, b-2 at C2), with a planted 30% throughput drop of STRIPED
 * at 64 workers and a doubled LOCK_FREE p99.99 at the second commit.
 */
public final class TestRuns {
    public static final List<String> ALL = List.of("a-1", "a-2", "a-3", "a-4", "a-5", "b-1", "b-2");
    /** Figures per run: 3 implementations x (2 throughput points x 2 + latency 4 + garbage 2). */
    public static final int FIGURES_PER_RUN = 30;
    public static final String C1 = "1111111aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";
    public static final String C2 = "2222222bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb";

    private TestRuns() {
    }

    /** The three real smoke runs of src/test/resources/real-runs (two commits, same benchmarked code: A/A). */
    public static final List<String> REAL = List.of("20261201-145023-smoke", "20261201-145049-smoke", "20261201-145140-smoke");

    /** The fixture folder itself (read only). */
    public static Path fixture(String name) {
        return resource("/runs/" + name);
    }

    /** A real run's folder (read only). */
    public static Path real(String name) {
        return resource("/real-runs/" + name);
    }

    private static Path resource(String path) {
        try {
            return Path.of(TestRuns.class.getResource(path).toURI());
        } catch (URISyntaxException | NullPointerException e) {
            throw new IllegalStateException("no test resource " + path, e);
        }
    }

    /** A writable copy of a fixture run under {@code dir}. */
    public static Path copy(String name, Path dir) {
        return Fixtures.copyTree(fixture(name), dir.resolve(name));
    }
}
