package org.epocharena.bench.suite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.epocharena.bench.suite.PairOrder.Side.BASE;
import static org.epocharena.bench.suite.PairOrder.Side.HEAD;

import java.util.List;
import org.epocharena.bench.suite.PairOrder.Step;
import org.junit.jupiter.api.Test;

class PairOrderTest {
    @Test
    void fourForksPerSideRunInAbbaOrder() {
        assertThat(PairOrder.of(4)).containsExactly(
                new Step(BASE, 1), new Step(HEAD, 1), new Step(HEAD, 2), new Step(BASE, 2),
                new Step(BASE, 3), new Step(HEAD, 3), new Step(HEAD, 4), new Step(BASE, 4));
    }

    @Test
    void aLinearDriftCancelsOverEveryQuadruple() {
        // Slot i of the sequence gets drift i: both sides' drift sums are equal, whatever the slope.
        List<Step> steps = PairOrder.of(6);
        int base = 0;
        int head = 0;
        for (int i = 0; i < 8; i++) {
            if (steps.get(i).side() == BASE) {
                base += i;
            } else {
                head += i;
            }
        }
        assertThat(base).isEqualTo(head);
        assertThat(steps).hasSize(12);
        assertThat(steps.stream().filter(s -> s.side() == HEAD).map(Step::fork)).containsExactly(1, 2, 3, 4, 5, 6);
    }

    @Test
    void noForksIsRefused() {
        assertThatThrownBy(() -> PairOrder.of(0)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("was 0");
    }
}
