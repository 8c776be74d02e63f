package org.epocharena.store.history;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import org.apache.commons.statistics.distribution.TDistribution;
import org.apache.commons.statistics.inference.DataDispersion;
import org.apache.commons.statistics.inference.TTest;
import org.epocharena.runformat.Headline;

/**
 * Change points in one figure's history: <b>binary segmentation with a t-test</b>. In a segment of runs,
 * every boundary between two different commits is a candidate; the one with the largest t statistic is
 * tested, Bonferroni-corrected for the number of candidates; if p is below {@code alpha / m} and the two
 * sides differ by more than the practical-equivalence floor, it is a change point and both halves are
 * searched again. Runs of one commit are never split: a change point is a commit's doing.
 * <p>
 * The unit of the test is the <b>run</b> whenever the segment has three runs or more: a t statistic on
 * the runs' means, against the run-to-run noise estimated from the successive differences of the run means
 * (robust to the level shifts themselves, see {@link #runToRunNoise}), p from Student's t with runs - 2
 * degrees of freedom (Apache Commons Statistics). So a change must stand out from how much the machine
 * moves from run to run, not just from the spread of iterations within one run: tested on iterations,
 * three real smoke runs of unchanged code showed three "changes" (a p90 moving by one timer tick, the
 * p99.9 of a quieter run, a GC count of 2 against 3). Only a segment of exactly two runs, which has no
 * run-to-run noise to measure, falls back to Welch's t-test on the per-iteration raw data; such a change
 * is marked as resting on single runs.
 */
public final class ChangePoints {
    /** One run's values of the figure (its iterations), in run order. */
    public record Point(String commit, double[] samples) {
        public Point {
            Objects.requireNonNull(commit, "commit");
            if (samples.length == 0) {
                throw new IllegalArgumentException("a point needs at least one value, commit " + commit);
            }
            samples = samples.clone();
        }

        double mean() {
            return ChangePoints.mean(samples);
        }
    }

    /**
     * A change between {@code points[index - 1]} and {@code points[index]}.
     *
     * @param before     the mean before the change (of the run means, or of the iterations for single runs)
     * @param after      the mean after it
     * @param singleRuns true when the test had one run a side and so rested on iterations (optimistic)
     */
    public record ChangePoint(int index, double before, double after, double pValue, boolean singleRuns) {
        public double changePercent() {
            return (after / before - 1) * 100;
        }
    }

    private static final TTest WELCH = TTest.withDefaults().with(DataDispersion.HETEROSCEDASTIC);

    private final double alpha;
    private final Headline floor;

    ChangePoints(double alpha, Headline floor) {
        if (!(alpha > 0 && alpha < 1)) {
            throw new IllegalArgumentException("alpha must be in (0, 1), got " + alpha);
        }
        this.alpha = alpha;
        this.floor = floor;
    }

    /** The change points of {@code points}, by index, first to last. */
    public List<ChangePoint> find(List<Point> points) {
        List<ChangePoint> out = new ArrayList<>();
        segment(points, 0, points.size(), out);
        out.sort(Comparator.comparingInt(ChangePoint::index));
        return out;
    }

    /** The values one side of a candidate split is tested on: run means, or iterations for single runs. */
    private static double[] side(List<Point> points, int from, int to, boolean byRun) {
        List<Point> runs = points.subList(from, to);
        return byRun ? runs.stream().mapToDouble(Point::mean).toArray()
                : runs.stream().flatMapToDouble(p -> Arrays.stream(p.samples())).toArray();
    }

    private void segment(List<Point> points, int lo, int hi, List<ChangePoint> out) {
        boolean byRun = hi - lo >= 3;
        double sigma = byRun ? runToRunNoise(points.subList(lo, hi)) : Double.NaN;
        int best = -1;
        double bestT = -1;
        int candidates = 0;
        for (int k = lo + 1; k < hi; k++) {
            if (points.get(k).commit().equals(points.get(k - 1).commit())) {
                continue;
            }
            double[] left = side(points, lo, k, byRun);
            double[] right = side(points, k, hi, byRun);
            if (!byRun && (left.length < 2 || right.length < 2)) {
                continue;
            }
            candidates++;
            double t = Math.abs(byRun ? runT(left, right, sigma) : welchT(left, right));
            if (t > bestT) {
                bestT = t;
                best = k;
            }
        }
        if (best < 0) {
            return;
        }
        double[] left = side(points, lo, best, byRun);
        double[] right = side(points, best, hi, byRun);
        double p = byRun ? runP(left, right, sigma, hi - lo - 2) : welchP(left, right);
        if (p < alpha / candidates && floor.practicallyDifferent(mean(left), mean(right))) {
            out.add(new ChangePoint(best, mean(left), mean(right), p, !byRun));
            segment(points, lo, best, out);
            segment(points, best, hi, out);
        }
    }

    /**
     * The standard deviation of a run's mean from run to run, from the successive differences of the run
     * means: their median absolute value / (0.6745 sqrt 2). A level shift makes one large difference, which
     * the median passes over, so the shifts searched for do not inflate the noise they are tested against.
     */
    static double runToRunNoise(List<Point> runs) {
        double[] diffs = new double[runs.size() - 1];
        for (int i = 1; i < runs.size(); i++) {
            diffs[i - 1] = Math.abs(runs.get(i).mean() - runs.get(i - 1).mean());
        }
        Arrays.sort(diffs);
        int n = diffs.length;
        double median = n % 2 == 1 ? diffs[n / 2] : (diffs[n / 2 - 1] + diffs[n / 2]) / 2;
        return median / (0.6745 * Math.sqrt(2));
    }

    /** t of the difference of two groups of run means, each run mean having standard deviation {@code sigma}. */
    private static double runT(double[] a, double[] b, double sigma) {
        double diff = mean(b) - mean(a);
        if (sigma == 0) {
            return diff == 0 ? 0 : Double.POSITIVE_INFINITY; // identical runs that jump: a certain change
        }
        return diff / (sigma * Math.sqrt(1.0 / a.length + 1.0 / b.length));
    }

    /** Two-sided p of {@link #runT} from Student's t with {@code df} = runs in the segment - 2 (at least 1). */
    private static double runP(double[] a, double[] b, double sigma, int df) {
        double t = Math.abs(runT(a, b, sigma));
        return Double.isInfinite(t) ? 0 : 2 * TDistribution.of(Math.max(1, df)).survivalProbability(t);
    }

    /** Welch's t; two constant samples give 0 when equal and an infinite t when not (a certain change). */
    private static double welchT(double[] a, double[] b) {
        double t = WELCH.statistic(a, b);
        return Double.isNaN(t) ? (mean(a) == mean(b) ? 0 : Double.POSITIVE_INFINITY) : t;
    }

    private static double welchP(double[] a, double[] b) {
        double p = WELCH.test(a, b).getPValue();
        return Double.isNaN(p) ? (mean(a) == mean(b) ? 1 : 0) : p;
    }

    static double mean(double[] v) {
        return Arrays.stream(v).average().orElse(Double.NaN);
    }
}
