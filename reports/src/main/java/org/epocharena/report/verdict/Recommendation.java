package org.epocharena.report.verdict;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.epocharena.report.page.Figures;
import org.epocharena.report.stats.Basis;
import org.epocharena.report.stats.RatioEstimate;
import org.epocharena.runformat.Headline;
import org.epocharena.runformat.Measurement;

/**
 * The scorecard in a reviewer's words: per headline, which design leads and by how much (with the
 * corrected interval), ties said as ties, then what each baseline would give and cost instead. Only
 * a cell the scorecard calls behind (interval past 1, difference past the floor) makes a design
 * "lead"; with one fork the words say "indicative", never "beats".
 */
public final class Recommendation {
    private static final String TIED = "tied:";
    private static final String UNCLEAR = "unclear:";

    private Recommendation() {
    }

    public static List<String> sentences(Scorecard s) {
        List<String> out = new ArrayList<>();
        List<String> designs = s.rows().keySet().stream().filter(i -> !s.isBaseline(i)).toList();
        List<String> baselines = s.rows().keySet().stream().filter(s::isBaseline).toList();
        Map<Headline, List<Integer>> byHeadline = new LinkedHashMap<>();
        for (int c = 0; c < s.columns().size(); c++) {
            byHeadline.computeIfAbsent(s.columns().get(c).headline(), k -> new ArrayList<>()).add(c);
        }
        List<String> tied = new ArrayList<>();
        List<String> unclear = new ArrayList<>();
        byHeadline.forEach((h, cols) -> {
            String sentence = about(s, h, cols, designs);
            if (sentence != null && sentence.startsWith(TIED)) {
                tied.add(sentence.substring(TIED.length()));
            } else if (sentence != null && sentence.startsWith(UNCLEAR)) {
                unclear.add(sentence.substring(UNCLEAR.length()));
            } else if (sentence != null) {
                out.add(sentence);
            }
        });
        if (!tied.isEmpty()) {
            // Ties in one sentence: each is worth knowing, none is worth a line of its own.
            out.add("The " + designs.size() + " designs are the same on " + String.join("; on ", tied) + ".");
        }
        if (!unclear.isEmpty()) {
            // Apart by the figures but not by the intervals: named, never ranked, in one sentence.
            out.add("Too noisy to rank (more forks or iterations would tell): " + String.join("; ", unclear) + ".");
        }
        for (String b : baselines) {
            String sentence = baseline(s, b, designs);
            if (sentence != null) {
                out.add(sentence);
            }
        }
        return out;
    }

    /** The designs that lead one column: the best and every design tied with it. */
    private static List<String> leaders(Scorecard s, int c, List<String> designs) {
        List<String> out = new ArrayList<>();
        for (String d : designs) {
            Cell cell = s.rows().get(d).get(c);
            if (cell != null && (cell.tone() == Cell.Tone.BEST || cell.tone() == Cell.Tone.TIE)) {
                out.add(d);
            }
        }
        return out;
    }

    private static String about(Scorecard s, Headline h, List<Integer> cols, List<String> designs) {
        String most = h.higherBetter() ? "the highest " : "the lowest ";
        int last = cols.get(cols.size() - 1);
        List<String> lead = leaders(s, last, designs);
        long measured = designs.stream().filter(d -> s.rows().get(d).get(last) != null).count();
        if (measured < 2 || lead.isEmpty()) {
            return null;
        }
        Column col = s.columns().get(last);
        String where = cols.size() > 1 ? " at " + col.threads() + (col.threads() == 1 ? " thread" : " threads") : "";
        if (lead.size() == measured) {
            double max = designs.stream().map(d -> s.rows().get(d).get(last)).filter(Objects::nonNull)
                    .mapToDouble(x -> Math.abs(x.figure().value())).max().orElse(0);
            String unit = s.rows().get(lead.get(0)).get(last).figure().unit();
            String floor = h.floorAbsolute() > 0 && max < h.floorAbsolute()
                    ? "all below " + Figures.num(h.floorAbsolute()) + " " + unit
                    : "within " + Figures.num(h.floorRelative() * 100) + "%";
            return TIED + h.label() + where + " (" + floor + ")";
        }
        List<String> unclear = designs.stream().filter(d -> s.rows().get(d).get(last) != null
                && s.rows().get(d).get(last).tone() == Cell.Tone.UNCLEAR).toList();
        String others = lead.size() + unclear.size() < measured ? "; the other designs are behind." : ".";
        if (!unclear.isEmpty()) {
            return UNCLEAR + h.label() + where + " (" + String.join(", ", lead) + " ahead by the figures of "
                    + String.join(", ", unclear) + ")";
        }
        if (lead.size() > 1) {
            return String.join(", ", lead.subList(0, lead.size() - 1)) + " and " + lead.get(lead.size() - 1) + " tie for "
                    + most + h.label() + where + " (within " + Figures.num(h.floorRelative() * 100) + "% or "
                    + Figures.num(h.floorAbsolute()) + " " + s.rows().get(lead.get(0)).get(last).figure().unit() + ")" + others;
        }
        String d = lead.get(0);
        // How far the leader's streak reaches down the thread counts of this headline.
        int from = last;
        for (int k = cols.size() - 2; k >= 0; k--) {
            List<String> l = leaders(s, cols.get(k), designs);
            if (l.size() != 1 || !l.get(0).equals(d)) {
                break;
            }
            from = cols.get(k);
        }
        Cell runnerUp = designs.stream().filter(x -> !x.equals(d)).map(x -> s.rows().get(x).get(last)).filter(Objects::nonNull)
                .min(Comparator.comparingDouble(x -> x.behind() == null ? 1 : x.behind().ratio())).orElseThrow();
        String span = cols.size() > 1 && from != last
                ? "From " + s.columns().get(from).threads() + " to " + col.threads() + " threads " : cols.size() > 1 ? "At" + where + " " : "";
        return span + d + " has " + most + h.label() + ": " + ratio(runnerUp.behind()) + " " + runnerUp.figure().implementation()
                + where + " (" + evidence(runnerUp.behind()) + ").";
    }

    /**
     * What a baseline gives and costs against the best design, on the column where it is furthest ahead
     * and the one where it is furthest behind (by the amount, when the designs are at zero).
     */
    private static String baseline(Scorecard s, String b, List<String> designs) {
        double bestGain = 0;
        double worstLoss = 0;
        double zeroLoss = 0;
        String gain = null;
        String loss = null;
        for (int c = 0; c < s.columns().size(); c++) {
            Cell mine = s.rows().get(b).get(c);
            Headline h = s.columns().get(c).headline();
            final int col = c;
            Cell top = designs.stream().map(d -> s.rows().get(d).get(col)).filter(Objects::nonNull)
                    .max(Comparator.comparingDouble(x -> h.higherBetter() ? x.figure().value() : -x.figure().value())).orElse(null);
            // Only what the scorecard calls ahead or behind (interval past 1, difference past the floor) is said.
            if (mine == null || top == null || mine.tone() == Cell.Tone.TIE || mine.tone() == Cell.Tone.BEST
                    || mine.tone() == Cell.Tone.UNCLEAR) {
                continue;
            }
            double better = h.higherBetter() ? mine.figure().value() / top.figure().value() : top.figure().value() / mine.figure().value();
            String where = s.columns().get(c).title();
            if (!h.higherBetter() && Math.abs(top.figure().value()) < h.floorAbsolute() && better < 1) {
                // The designs are at zero for practical purposes: a ratio to zero means nothing, the amount does.
                double overFloor = mine.figure().value() / h.floorAbsolute();
                if (overFloor > zeroLoss) {
                    zeroLoss = overFloor;
                    worstLoss = Double.MAX_VALUE;
                    loss = "makes " + Figures.num(mine.figure().value()) + " " + mine.figure().unit() + " (" + where
                            + ") where the designs stay below " + Figures.num(h.floorAbsolute()) + " " + mine.figure().unit();
                }
                continue;
            }
            if (better > 1 && Math.log(better) > bestGain) {
                bestGain = Math.log(better);
                gain = times(better) + " better than the best design on " + where;
            } else if (better < 1 && -Math.log(better) > worstLoss && zeroLoss == 0) {
                worstLoss = -Math.log(better);
                loss = times(1 / better) + " worse on " + where + " (" + Figures.num(mine.figure().value()) + " " + mine.figure().unit() + ")";
            }
        }
        if (gain == null && loss == null) {
            return null;
        }
        String who = b + " (baseline: what a user would pick instead)";
        String lossText = loss == null ? null : loss.startsWith("makes") ? loss : "is " + loss;
        if (gain != null && loss != null) {
            return who + " is " + gain + " but " + lossText + ".";
        }
        return who + " " + (gain != null ? "is " + gain : lossText) + ".";
    }

    private static String ratio(RatioEstimate e) {
        return times(e.ratio());
    }

    static String times(double r) {
        return Double.isFinite(r) ? Figures.num(r) + "x" : "unboundedly";
    }

    /** "95% CI 1.19-1.68" or, with one fork, "... indicative: one fork". */
    static String evidence(RatioEstimate e) {
        String ci = e.intervalText().isEmpty() ? "no interval" : e.intervalText().replace("CI ", "CI ");
        return e.basis() == Basis.ITERATIONS ? ci + ", indicative: one fork" : ci;
    }
}
