package org.epocharena.report.chart;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The x axis of a latency spectrum, HdrHistogram style: position is the number of "nines",
 * {@code log10(1/(1-p))}, so 90% sits at 1, 99% at 2, 99.9% at 3, and each step right is ten times rarer.
 *
 * <p>Why not XChart's logarithmic axis over {@code 1/(1-p)} with a label function: in XChart 3.8 a
 * tick-label formatting function replaces the logarithmic tick calculator with a linear one that
 * retries wider spacings until every label is distinct. A label function that rounds (one printing
 * "0%" for every value below 1.0001) never makes them distinct, and chart encoding spins forever.
 * Here the axis is linear by construction and {@link #label} gives distinct text to distinct tick
 * positions at every whole number of nines, so the retry loop ends at the latest at a spacing of one.
 */
final class PercentileAxis {
    private PercentileAxis() {
    }

    /** Axis position of percentile {@code p} in [0, 1); infinite at 1. */
    static double nines(double p) {
        return -Math.log10(1 - p);
    }

    /**
     * Tick label for a position: 0 -> "0%", 1 -> "90%", 2.5 -> "99.68%", 3 -> "99.9%". Whole positions
     * are spelled out exactly (so they stay distinct far into the tail, where doubles round to 100%);
     * between them the decimals grow with the position so neighbouring ticks do not print alike.
     */
    static String label(double nines) {
        if (nines < 0) {
            return "";  // XChart puts at most one tick left of the data (p = 0 sits at 0): it has no percentile
        }
        long whole = Math.round(nines);
        if (Math.abs(nines - whole) < 1e-9) {
            return whole == 0 ? "0%" : whole == 1 ? "90%" : "99" + (whole == 2 ? "" : "." + "9".repeat((int) whole - 2)) + "%";
        }
        int decimals = Math.max(0, (int) Math.ceil(nines) - 1);
        return BigDecimal.valueOf(100 * (1 - Math.pow(10, -nines))).setScale(decimals, RoundingMode.HALF_UP)
                .stripTrailingZeros().toPlainString() + "%";
    }
}
