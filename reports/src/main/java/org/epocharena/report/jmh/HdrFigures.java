package org.epocharena.report.jmh;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The headline percentiles of an HdrHistogram spectrum as table rows. A whole-run histogram has no
 * per-iteration spread, so these rows carry no error (NaN); the page says so rather than invent one.
 */
final class HdrFigures {
    private static final double[] QS = {0.50, 0.90, 0.99, 0.999, 0.9999};
    private static final String[] NAMES = {"p50", "p90", "p99", "p99.9", "p99.99"};

    private HdrFigures() {
    }

    static List<Measurement> of(PercentileCurve c) {
        List<Measurement> out = new ArrayList<>();
        Map<String, String> params = Map.of(c.baseline() ? "baseline" : "kind", c.implementation());
        for (int i = 0; i < QS.length; i++) {
            out.add(row(c, params, NAMES[i], c.at(QS[i])));
        }
        out.add(row(c, params, "max", c.maxMicros()));
        return out;
    }

    private static Measurement row(PercentileCurve c, Map<String, String> params, String metric, double v) {
        return new Measurement(c.harness(), "HdrHistogram", c.implementation(), c.baseline(), c.threads(), params,
                "hdr", metric, v, Double.NaN, "us", new double[0], c.source());
    }
}
