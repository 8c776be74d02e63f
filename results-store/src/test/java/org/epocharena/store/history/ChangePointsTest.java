package org.epocharena.store.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.epocharena.runformat.Headline;
import org.junit.jupiter.api.Test;

class ChangePointsTest {
    /** The floors of a figure whose manifest says nothing but these. */
    private static Headline floor(double relative, double absolute) {
        return new Headline("h", "score", "score", "score", true, "ops/s", relative, absolute, null);
    }

    private static final ChangePoints DEFAULT = new ChangePoints(0.01, floor(0.05, 0));

    /** One run of 6 iterations per mean, with 2% noise; commit i for run i. */
    private static List<ChangePoints.Point> runs(SplittableRandom rng, double... means) {
        return noisyRuns(rng, 0.02, means);
    }

    private static List<ChangePoints.Point> noisyRuns(SplittableRandom rng, double noise, double... means) {
        List<ChangePoints.Point> out = new ArrayList<>();
        for (int i = 0; i < means.length; i++) {
            double[] v = new double[6];
            for (int k = 0; k < v.length; k++) {
                v[k] = means[i] * (1 + noise * gaussian(rng));
            }
            out.add(new ChangePoints.Point("c" + i, v));
        }
        return out;
    }

    private static double gaussian(SplittableRandom rng) {
        return Math.sqrt(-2 * Math.log(1 - rng.nextDouble())) * Math.cos(2 * Math.PI * rng.nextDouble());
    }

    @Test
    void findsAPlantedStepWhereItIs() {
        List<ChangePoints.ChangePoint> found = DEFAULT.find(runs(new SplittableRandom(1), 100, 100, 100, 100, 70, 70, 70));
        assertThat(found).hasSize(1);
        assertThat(found.get(0).index()).isEqualTo(4);
        assertThat(found.get(0).changePercent()).isBetween(-33.0, -27.0);
        assertThat(found.get(0).pValue()).isLessThan(1e-4);
        assertThat(found.get(0).singleRuns()).as("seven runs: the run is the unit").isFalse();
    }

    @Test
    void findsTwoStepsByRecursing() {
        List<ChangePoints.ChangePoint> found = DEFAULT.find(runs(new SplittableRandom(2), 100, 100, 100, 130, 130, 130, 90, 90, 90));
        assertThat(found).extracting(ChangePoints.ChangePoint::index).containsExactly(3, 6);
    }

    @Test
    void marksNothingInNoiseAlone() {
        int alarms = 0;
        for (int seed = 0; seed < 200; seed++) {
            alarms += DEFAULT.find(runs(new SplittableRandom(seed), 100, 100, 100, 100, 100, 100)).size();
        }
        // 2% noise is far below the 5% floor: however small p gets, no alarm.
        assertThat(alarms).isZero();
    }

    @Test
    void aChangeBelowTheFloorIsNotMarkedHoweverSignificant() {
        List<ChangePoints.Point> step = noisyRuns(new SplittableRandom(3), 0.005, 100, 100, 100, 104, 104, 104);
        assertThat(new ChangePoints(0.01, floor(0, 0)).find(step)).as("no floor: 4% is a change").hasSize(1);
        assertThat(DEFAULT.find(step)).as("5% floor").isEmpty();
        assertThat(new ChangePoints(0.01, floor(0, 5)).find(step)).as("absolute floor 5 units").isEmpty();
    }

    @Test
    void neverSplitsRunsOfOneCommit() {
        List<ChangePoints.Point> p = runs(new SplittableRandom(4), 100, 100, 100, 70, 70, 70);
        assertThat(DEFAULT.find(p)).extracting(ChangePoints.ChangePoint::index).containsExactly(3);
        // Runs 2 and 3 are one commit: the drop can only be put before or after both.
        List<ChangePoints.Point> sameCommit = new ArrayList<>(p);
        sameCommit.set(3, new ChangePoints.Point(p.get(2).commit(), p.get(3).samples()));
        assertThat(DEFAULT.find(sameCommit)).extracting(ChangePoints.ChangePoint::index).doesNotContain(3);
    }

    @Test
    void constantValuesThatJumpAreACertainChange() {
        List<ChangePoints.Point> p = List.of(new ChangePoints.Point("a", new double[] {0, 0, 0}),
                new ChangePoints.Point("b", new double[] {80, 80, 80}));
        assertThat(new ChangePoints(0.01, floor(0, 1)).find(p)).extracting(ChangePoints.ChangePoint::index).containsExactly(1);
        List<ChangePoints.Point> flat = List.of(new ChangePoints.Point("a", new double[] {5, 5}),
                new ChangePoints.Point("b", new double[] {5, 5}));
        assertThat(DEFAULT.find(flat)).isEmpty();
    }

    @Test
    void runToRunNoiseIsWhatAChangeMustStandOutFrom() {
        // Two runs of one commit 10% apart (a busy machine), then a run of the next commit 10% below their mean.
        // Tested on iterations (tight within each run) that would be a change; run to run it is noise.
        List<ChangePoints.Point> p = noisyRuns(new SplittableRandom(5), 0.005, 100, 90, 85);
        List<ChangePoints.Point> replicated = List.of(p.get(0), new ChangePoints.Point("c0", p.get(1).samples()), p.get(2));
        assertThat(DEFAULT.find(replicated)).isEmpty();
        // With nothing but one run a side, iterations are all there is: the change is found, marked as such.
        List<ChangePoints.ChangePoint> single = DEFAULT.find(List.of(p.get(0), p.get(2)));
        assertThat(single).hasSize(1);
        assertThat(single.get(0).singleRuns()).isTrue();
    }

    @Test
    void refusesAnAlphaOutsideZeroToOne() {
        assertThatThrownBy(() -> new ChangePoints(1.5, floor(0.05, 0))).hasMessageContaining("alpha must be in (0, 1), got 1.5");
    }
}
