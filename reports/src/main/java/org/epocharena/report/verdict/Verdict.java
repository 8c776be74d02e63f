package org.epocharena.report.verdict;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.epocharena.report.jmh.Direction;
import org.epocharena.report.jmh.Measurement;
import org.epocharena.report.stats.RatioEstimate;
import org.epocharena.report.stats.Ratios;

/**
 * Who wins each workload. Only arena designs compete (baselines are what a user would pick instead,
 * shown beside them, not ranked); the compared figures are the primary score, p99 for SampleTime and
 * heap bytes per operation.
 * A harness's headline is the point with the most threads, then the largest size param (liveBlocks),
 * because scaling is the question the suite exists to answer; the per-point table carries the rest.
 */
public final class Verdict {
    /** Heap bytes per operation: the garbage harness's answer, so it is ranked and is that harness's headline. */
    private static final String HEAP = "gc.alloc.rate.norm";

    private final Map<String, List<Duel>> byHarness;

    private Verdict(Map<String, List<Duel>> byHarness) {
        this.byHarness = byHarness;
    }

    public static Verdict of(List<Measurement> all) {
        Map<String, List<Measurement>> groups = new LinkedHashMap<>();
        for (Measurement m : all) {
            boolean compared = m.metric().equals("score") || m.mode().equals("sample") && m.metric().equals("p99")
                    || m.metric().equals(HEAP);
            if (!m.baseline() && compared && !m.mode().equals("hdr") && m.direction() != Direction.UNKNOWN) {
                String key = m.harness() + '|' + m.benchmark() + '|' + m.mode() + '|' + m.threads() + '|'
                        + m.settingText() + '|' + m.metric();
                groups.computeIfAbsent(key, k -> new ArrayList<>()).add(m);
            }
        }
        Map<String, List<Duel>> byHarness = new TreeMap<>();
        for (List<Measurement> g : groups.values()) {
            if (g.size() < 2) {
                continue;
            }
            boolean higher = g.get(0).direction() == Direction.HIGHER_IS_BETTER;
            List<Measurement> ranked = new ArrayList<>(g);
            ranked.sort(Comparator.comparingDouble(Measurement::value));
            if (higher) {
                java.util.Collections.reverse(ranked);
            }
            Measurement w = ranked.get(0);
            Measurement r = ranked.get(1);
            RatioEstimate f = higher ? estimate(w, r) : estimate(r, w);
            byHarness.computeIfAbsent(w.harness(), k -> new ArrayList<>()).add(new Duel(w, r, f));
        }
        return new Verdict(byHarness);
    }

    private static RatioEstimate estimate(Measurement num, Measurement den) {
        if (num.samples().length >= 2 && den.samples().length >= 2) {
            return Ratios.estimate(num.samples(), den.samples());
        }
        return new RatioEstimate(num.value() / den.value(), Double.NaN, Double.NaN, Double.NaN, false);
    }

    /** The largest numeric workload param of a point (0 when none): how big the workload was. */
    private static double size(Duel d) {
        return d.winner().params().entrySet().stream()
                .filter(e -> !e.getKey().equals("workers") && e.getValue().matches("\\d+"))
                .mapToDouble(e -> Double.parseDouble(e.getValue())).max().orElse(0);
    }

    public Map<String, List<Duel>> duels() {
        return byHarness;
    }

    /** One sentence per harness: who wins most points, and the headline point with its uncertainty. */
    public Map<String, String> sentences() {
        Map<String, String> out = new LinkedHashMap<>();
        byHarness.forEach((harness, duels) -> {
            Map<String, Integer> wins = new TreeMap<>();
            int noise = 0;
            for (Duel d : duels) {
                if (d.factor().beyondNoise()) {
                    wins.merge(d.winner().implementation(), 1, Integer::sum);
                } else {
                    noise++;
                }
            }
            String headline = harness.equals("garbage") ? HEAP : "score";
            Duel head = duels.stream().filter(d -> d.winner().metric().equals(headline))
                    .max(Comparator.comparingInt((Duel d) -> d.winner().threads()).thenComparingDouble(Verdict::size))
                    .orElse(duels.get(0));
            StringBuilder sb = new StringBuilder();
            if (wins.isEmpty()) {
                sb.append("no design is ahead beyond the noise at any of ").append(duels.size()).append(" points");
            } else {
                List<Map.Entry<String, Integer>> ranked = new ArrayList<>(wins.entrySet());
                ranked.sort(Map.Entry.<String, Integer>comparingByValue().reversed());
                for (int i = 0; i < ranked.size(); i++) {
                    sb.append(i == 0 ? "" : ", ").append(ranked.get(i).getKey()).append(" wins ").append(ranked.get(i).getValue());
                }
                sb.append(" of ").append(duels.size()).append(" points beyond the noise");
                if (noise > 0) {
                    sb.append(", ").append(noise).append(" within noise");
                }
            }
            sb.append("; at ").append(head.point()).append(": ").append(describe(head));
            out.put(harness, sb.toString());
        });
        return out;
    }

    /**
     * "STRIPED beats LOCK_FREE by 3.10x on ops/s, higher is better (95% CI 2.80-3.43x, p=0.001)"; when the
     * difference is within the noise it says "is ahead of ... : within noise", never "beats".
     */
    public static String describe(Duel d) {
        String unit = d.winner().unit() + (d.winner().direction() == Direction.HIGHER_IS_BETTER ? ", higher" : ", lower");
        String who = d.factor().beyondNoise() ? "%s beats %s by %s on %s is better; %s vs %s"
                : "%s is ahead of %s by %s on %s is better; %s vs %s";
        return String.format(Locale.ROOT, who, d.winner().implementation(), d.runnerUp().implementation(),
                times(d.factor().ratio()), unit, digits3(d.winner().value()), digits3(d.runnerUp().value())) + evidence(d.factor());
    }

    /** The table form: "3.10x (95% CI 2.80-3.43x, p=0.001)" or "1.05x (..., p=0.6): within noise". */
    public static String factor(Duel d) {
        return times(d.factor().ratio()) + evidence(d.factor());
    }

    private static String evidence(RatioEstimate f) {
        if (!f.known()) {
            return " (too few iterations to tell noise from difference)";
        }
        String ci = f.intervalText().isEmpty() ? "" : f.intervalText() + ", ";
        return String.format(Locale.ROOT, " (%sp=%.2g)%s", ci, f.pValue(), f.beyondNoise() ? "" : ": within noise");
    }

    private static String digits3(double v) {
        return Double.isFinite(v) && v != 0
                ? new java.math.BigDecimal(v).round(new java.math.MathContext(3)).stripTrailingZeros().toPlainString()
                : String.valueOf(v);
    }

    private static String times(double r) {
        if (Double.isInfinite(r) || Double.isNaN(r)) {
            return "an unbounded factor (the winner measured 0)";
        }
        return String.format(Locale.ROOT, "%.2fx", r);
    }
}
