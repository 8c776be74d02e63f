package org.epocharena.report.jmh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Designs copies the enum constant names of ArenaKind and Baseline (see its Javadoc for why); this
 * reads the two enums' sources in the checkout and fails when a design is added without the report.
 */
class DesignsTest {
    private static final Pattern CONSTANT = Pattern.compile("(?m)^    ([A-Z][A-Z0-9_]*)\\s*[({,;]");

    private static Set<String> constants(String relative) throws IOException {
        Path src = Path.of("..").resolve(relative);
        assumeTrue(Files.isRegularFile(src), "source not in this checkout: " + src.toAbsolutePath());
        Matcher m = CONSTANT.matcher(Files.readString(src));
        Set<String> names = new TreeSet<>();
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }

    @Test
    void arenasMatchArenaKind() throws IOException {
        assertThat(Designs.ARENAS).containsExactlyInAnyOrderElementsOf(
                constants("arena-impls/src/main/java/org/epocharena/ArenaKind.java"));
    }

    @Test
    void baselinesMatchBaseline() throws IOException {
        assertThat(Designs.BASELINES).containsExactlyInAnyOrderElementsOf(
                constants("benchmarks/src/main/java/org/epocharena/bench/baseline/Baseline.java"));
    }
}
