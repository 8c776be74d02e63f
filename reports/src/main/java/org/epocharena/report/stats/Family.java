package org.epocharena.report.stats;

import java.util.ArrayList;
import java.util.List;
import org.epocharena.runformat.Measurement;

/**
 * A set of comparisons judged together: every ratio of a page, or every figure a gate watches.
 * Each comparison is tested on its own {@link Basis}, then Holm's correction sets the confidence of
 * every interval, so that the family as a whole calls a difference out of noise at most 5% of the time.
 */
public final class Family {
    private Family() {
    }

    /** One ratio to estimate: mean(numerator) / mean(denominator). */
    public record Pair(Measurement numerator, Measurement denominator) {
    }

    /** Estimates for {@code pairs}, in the same order, corrected for their number. */
    public static List<RatioEstimate> estimate(List<Pair> pairs) {
        double[] p = new double[pairs.size()];
        Basis[] basis = new Basis[pairs.size()];
        for (int i = 0; i < p.length; i++) {
            Pair x = pairs.get(i);
            basis[i] = Basis.of(x.numerator(), x.denominator());
            p[i] = basis[i] == Basis.NONE ? Double.NaN
                    : Ratios.pValue(basis[i].samples(x.numerator()), basis[i].samples(x.denominator()));
        }
        double[] confidence = Holm.confidences(p, Ratios.ALPHA);
        List<RatioEstimate> out = new ArrayList<>(p.length);
        for (int i = 0; i < p.length; i++) {
            Pair x = pairs.get(i);
            out.add(Ratios.estimate(basis[i].samples(x.numerator()), basis[i].samples(x.denominator()), confidence[i], basis[i]));
        }
        return out;
    }
}
