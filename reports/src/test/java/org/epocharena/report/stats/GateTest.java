package org.epocharena.report.stats;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Set;
import org.epocharena.report.fixture.SyntheticRun;
import org.epocharena.report.jmh.RunData;
import org.epocharena.report.jmh.RunLoader;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The gate on synthetic runs of the same code (two seeds of one noise model: 5% fork-to-fork noise,
 * 40% at 1024 threads, 3% between iterations) and with a planted 30% throughput regression.
 */
class GateTest {

    private static Gate gate(Path dir, int forks, int iterations, long seedA, long seedB, double plant) {
        RunData a = new RunLoader().load(new SyntheticRun().forks(forks).iterations(iterations).seed(seedA).write(dir.resolve("a")));
        RunData b = new RunLoader().load(new SyntheticRun().forks(forks).iterations(iterations).seed(seedB)
                .plant(k -> k.equals("throughput|LOCK_FREE|1"), plant).write(dir.resolve("b")));
        return Gate.of(b.measurements(), a.measurements(), b.catalog(), 10);
    }

    @ParameterizedTest(name = "{0} fork(s) x {1} iterations, seeds {2}/{3}")
    @CsvSource({"1,5,1,2", "1,10,3,4", "2,5,5,6", "3,5,7,8", "5,5,9,10", "5,10,11,12"})
    void twoRunsOfTheSameCodeNeverFailAndCallAtMostOnePercentChanged(int forks, int iterations, long s1, long s2, @TempDir Path dir) {
        RunData a = new RunLoader().load(new SyntheticRun().forks(forks).iterations(iterations).seed(s1).write(dir.resolve("a")));
        RunData b = new RunLoader().load(new SyntheticRun().forks(forks).iterations(iterations).seed(s2).write(dir.resolve("b")));
        Gate g = Gate.of(b.measurements(), a.measurements(), b.catalog(), 10);
        assertThat(g.compared()).hasSizeGreaterThan(50);
        assertThat(g.regressions()).isEmpty();
        var page = ReferenceComparison.compare(b.measurements(), a.measurements(), b.catalog(), m -> true);
        long changed = page.values().stream().filter(FigureChange::changed).count();
        assertThat(page).hasSizeGreaterThan(300);
        assertThat(changed).as("figures called changed out of %d", page.size()).isLessThanOrEqualTo(page.size() / 100);
        if (forks == 1) {
            assertThat(changed).as("one fork never claims a change").isZero();
        }
    }

    @ParameterizedTest(name = "{0} fork(s) x {1} iterations")
    @CsvSource({"8,5", "10,5"})
    void aPlanted30PercentThroughputRegressionFailsTheGateWithEightForks(int forks, int iterations, @TempDir Path dir) {
        Gate g = gate(dir, forks, iterations, 21, 22, 0.7);
        assertThat(g.regressions()).extracting(c -> c.current().implementation() + " t=" + c.current().threads())
                .containsExactly("LOCK_FREE t=1");
    }

    @ParameterizedTest(name = "{0} fork(s) x {1} iterations")
    @CsvSource({"1,5", "1,10", "2,5", "5,5"})
    void withFewerForksThePlantedRegressionIsInconclusiveAndNamed(int forks, int iterations, @TempDir Path dir) {
        Gate g = gate(dir, forks, iterations, 21, 22, 0.7);
        assertThat(g.regressions()).isEmpty();
        assertThat(g.inconclusive()).extracting(c -> c.current().implementation() + " t=" + c.current().threads())
                .contains("LOCK_FREE t=1");
        FigureChange c = g.inconclusive().stream().filter(x -> x.current().implementation().equals("LOCK_FREE")
                && x.current().threads() == 1).findFirst().orElseThrow();
        if (forks == 1) {
            assertThat(Gate.reason(c)).startsWith("needs >= 2 forks");
        }
    }

    /**
     * The paired design's forks (four per side, the default of --compare-with) cannot catch 30% among
     * every headline figure of a profile; with the gate on the regressed part only they do, and two runs
     * of the same code still never fail that smaller gate.
     */
    @ParameterizedTest(name = "seeds {0}/{1}")
    @CsvSource({"21,22", "23,24", "25,26", "27,28"})
    void withTheGateOnOneHarnessFourForksCatchAPlanted30PercentRegression(long s1, long s2, @TempDir Path dir) {
        RunData a = new RunLoader().load(new SyntheticRun().forks(4).iterations(5).seed(s1).write(dir.resolve("a")));
        RunData b = new RunLoader().load(new SyntheticRun().forks(4).iterations(5).seed(s2)
                .plant(k -> k.equals("throughput|LOCK_FREE|1"), 0.7).write(dir.resolve("b")));
        RunData same = new RunLoader().load(new SyntheticRun().forks(4).iterations(5).seed(s2).write(dir.resolve("same")));
        Gate narrow = Gate.of(b.measurements(), a.measurements(), b.catalog(), 10, Set.of("throughput"));
        assertThat(narrow.compared().values()).allMatch(c -> c.current().harness().equals("throughput"));
        assertThat(narrow.regressions()).extracting(c -> c.current().implementation() + " t=" + c.current().threads())
                .containsExactly("LOCK_FREE t=1");
        assertThat(Gate.of(same.measurements(), a.measurements(), same.catalog(), 10, Set.of("throughput")).regressions()).isEmpty();
    }
}
