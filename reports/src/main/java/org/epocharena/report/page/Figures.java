package org.epocharena.report.page;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Locale;
import org.epocharena.report.stats.FigureChange;
import org.epocharena.report.stats.RatioEstimate;
import org.epocharena.runformat.Measurement;

/**
 * Text for figures: three significant digits, always with the error and the unit, so no number on the
 * page or in summary.md travels without its uncertainty.
 */
public final class Figures {
    private Figures() {
    }

    public static String num(double v) {
        if (Double.isNaN(v)) {
            return "n/a";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "inf" : "-inf";
        }
        if (v == 0) {
            return "0";
        }
        return new BigDecimal(v).round(new MathContext(3)).stripTrailingZeros().toPlainString();
    }

    /** "9.41 M ops/s", "0.463 us", "80.8 B/op": three digits, large values with a k/M/G prefix. */
    public static String scaled(double v, String unit) {
        double a = Math.abs(v);
        if (a >= 1e9) {
            return num(v / 1e9) + " G" + unit;
        }
        if (a >= 1e6) {
            return num(v / 1e6) + " M" + unit;
        }
        if (a >= 1e4) {
            return num(v / 1e3) + " k" + unit;
        }
        return num(v) + " " + unit;
    }

    /** "1230 ± 45 ops/ms"; an unknown error is written out so it is not mistaken for zero. */
    public static String withError(Measurement m) {
        String err = Double.isNaN(m.error()) ? "± n/a" : "± " + num(m.error());
        return num(m.value()) + " " + err + " " + m.unit();
    }

    /** "throughput ThroughputBenchmark.run LOCK_FREE t=1024 score": a figure's identity in one line. */
    public static String name(Measurement m) {
        String setting = m.settingText();
        return m.harness() + " " + m.benchmark() + " " + m.implementation() + " t=" + m.threads()
                + (setting.isEmpty() ? "" : " " + setting) + " " + m.metric();
    }

    /** "+12.3% (99.9% CI +8.1..+16.7%, fork means) changed", "... indicative", "... within noise". */
    public static String change(FigureChange c) {
        RatioEstimate e = c.estimate();
        String pct = String.format(Locale.ROOT, "%+.1f%%", e.changePercent());
        if (!e.known()) {
            return pct + " (too few values: noise unknown)";
        }
        String ci = Double.isNaN(e.low()) ? ""
                : !e.bounded() ? e.intervalText() + ", "
                : String.format(Locale.ROOT, "%s %+.1f..%+.1f%%, ", e.intervalText().replaceAll(" [-0-9.]+-[-0-9.]+$", ""),
                        (e.low() - 1) * 100, (e.high() - 1) * 100);
        String verdict = c.changed() ? "changed" : c.indicative() ? "indicative (one fork)" : "within noise or floor";
        return pct + " (" + ci + e.basis().describe() + ") " + verdict;
    }
}
