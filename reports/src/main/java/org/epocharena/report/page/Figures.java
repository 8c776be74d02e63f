package org.epocharena.report.page;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Locale;
import org.epocharena.report.jmh.Measurement;
import org.epocharena.report.stats.Change;
import org.epocharena.report.stats.RatioEstimate;

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

    /** "1230 ± 45 ops/ms"; an unknown error is written out so it is not mistaken for zero. */
    public static String withError(Measurement m) {
        String err = Double.isNaN(m.error()) ? "± n/a" : "± " + num(m.error());
        return num(m.value()) + " " + err + " " + m.unit();
    }

    /** "+12.3% (95% CI +8.1..+16.7%, p=0.002) beyond noise". */
    public static String change(Change c) {
        RatioEstimate e = c.estimate();
        String pct = String.format(Locale.ROOT, "%+.1f%%", e.changePercent());
        if (!e.known()) {
            return pct + " (no per-iteration data: noise unknown)";
        }
        String ci = Double.isNaN(e.low()) ? ""
                : Double.isInfinite(e.low()) || Double.isInfinite(e.high()) ? "95% CI unbounded, "
                : String.format(Locale.ROOT, "95%% CI %+.1f..%+.1f%%, ", (e.low() - 1) * 100, (e.high() - 1) * 100);
        return pct + " (" + ci + String.format(Locale.ROOT, "p=%.3g", e.pValue()) + ") " + (e.beyondNoise() ? "beyond noise" : "within noise");
    }
}
