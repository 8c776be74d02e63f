package org.epocharena.store.history;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import org.apache.commons.statistics.inference.DataDispersion;
import org.apache.commons.statistics.inference.TTest;

/**
 * Change points in one figure's history: <b>binary segmentation with Welch's t-test</b>. In a segment
 * of runs, every boundary between two different commits is a candidate; the one with the largest
 * Welch t statistic between the per-iteration raw data before and after it is tested (Apache Commons
 * Statistics), Bonferroni-corrected for the number of candidates; if p is below {@code alpha / m} and
 * the two means differ by more than the practical-equivalence floor, it is a change point and both
 * halves are searched again. Runs of one commit are never split: a change point is a commit's doing.
 * <p>
 * The raw data pools iterations within runs, so run-to-run noise alone can make p small; the floor is
 * what keeps two runs of the same code on a shared machine from showing a change.
 */
public final class ChangePoints {
    /** One run's values of the figure, in run order. */
    public record Point(String commit, double[] samples) {
        public Point {
            Objects.requireNonNull(commit, "commit");
            samples = samples.clone();
        }
    }

    /**
     * A change between {@code points[index - 1]} and {@code points[index]}.
     *
     * @param before the mean of the segment's raw data before the change
     * @param after  the mean after it
     */
    public record Change(int index, double before, double after, double pValue) {
        public double changePercent() {
            return (after / before - 1) * 100;
        }
    }

    private static final TTest WELCH = TTest.withDefaults().with(DataDispersion.HETEROSCEDASTIC);

    private final double alpha;
    private final Floor floor;

    ChangePoints(double alpha, Floor floor) {
        if (!(alpha > 0 && alpha < 1)) {
            throw new IllegalArgumentException("alpha must be in (0, 1), got " + alpha);
        }
        this.alpha = alpha;
        this.floor = floor;
    }

    /** The change points of {@code points}, by index, first to last. */
    public List<Change> find(List<Point> points) {
        List<Change> out = new ArrayList<>();
        segment(points, 0, points.size(), out);
        out.sort(Comparator.comparingInt(Change::index));
        return out;
    }

    private void segment(List<Point> points, int lo, int hi, List<Change> out) {
        int best = -1;
        double bestT = -1;
        int candidates = 0;
        for (int k = lo + 1; k < hi; k++) {
            if (points.get(k).commit().equals(points.get(k - 1).commit())) {
                continue;
            }
            double[] left = pool(points, lo, k);
            double[] right = pool(points, k, hi);
            if (left.length < 2 || right.length < 2) {
                continue;
            }
            candidates++;
            double t = Math.abs(statistic(left, right));
            if (t > bestT) {
                bestT = t;
                best = k;
            }
        }
        if (best < 0) {
            return;
        }
        double[] left = pool(points, lo, best);
        double[] right = pool(points, best, hi);
        double p = pValue(left, right);
        double before = mean(left);
        double after = mean(right);
        if (p < alpha / candidates && floor.beyond(before, after)) {
            out.add(new Change(best, before, after, p));
            segment(points, lo, best, out);
            segment(points, best, hi, out);
        }
    }

    /** Welch's t; two constant samples give 0 when equal and an infinite t when not (a certain change). */
    private static double statistic(double[] a, double[] b) {
        double t = WELCH.statistic(a, b);
        return Double.isNaN(t) ? (mean(a) == mean(b) ? 0 : Double.POSITIVE_INFINITY) : t;
    }

    private static double pValue(double[] a, double[] b) {
        double p = WELCH.test(a, b).getPValue();
        return Double.isNaN(p) ? (mean(a) == mean(b) ? 1 : 0) : p;
    }

    private static double[] pool(List<Point> points, int from, int to) {
        return points.subList(from, to).stream().flatMapToDouble(p -> Arrays.stream(p.samples())).toArray();
    }

    private static double mean(double[] v) {
        return Arrays.stream(v).average().orElse(Double.NaN);
    }
}
