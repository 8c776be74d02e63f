package org.epocharena.bench.workload;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Secondary figures are means over the iteration, with their unit, and start fresh each iteration. */
class FiguresTest {

    @Test
    void meansOverTheIterationWithUnitsThenAFreshStart() {
        Figures.drain();
        Figures.addAll("recovered", "share", 3, 4);
        Figures.addAll("recovered", "share", 1, 4);
        Figures.addAll("liveBlocks", "blocks", 300_000, 3);
        Map<String, Figures.Mean> means = Figures.drain();
        assertThat(means.get("recovered")).isEqualTo(new Figures.Mean(0.5, "share"));
        assertThat(means.get("liveBlocks")).isEqualTo(new Figures.Mean(100_000, "blocks"));
        assertThat(Figures.drain()).isEmpty();
    }
}
