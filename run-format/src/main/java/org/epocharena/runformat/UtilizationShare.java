package org.epocharena.runformat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Derives "usable share of capacity" from the aux counters usedBytes and capacityBytes, iteration by
 * iteration, so the share carries an error computed like JMH's (the ratio of summed counters would not).
 */
public final class UtilizationShare {
    private UtilizationShare() {
    }

    /** {@code all} plus one usableShare row per (usedBytes, capacityBytes) pair of the oom harness. */
    public static List<Measurement> addTo(List<Measurement> all) {
        Map<String, Measurement> capacity = new LinkedHashMap<>();
        for (Measurement m : all) {
            if (m.metric().equals("capacityBytes")) {
                capacity.put(m.key().replace("|capacityBytes", ""), m);
            }
        }
        List<Measurement> out = new ArrayList<>(all);
        for (Measurement u : all) {
            Measurement c = capacity.get(u.key().replace("|usedBytes", ""));
            if (u.metric().equals("usedBytes") && c != null && u.samples().length == c.samples().length
                    && u.samples().length > 0) {
                out.add(of(u, c));
            }
        }
        return out;
    }

    static Measurement of(Measurement used, Measurement capacity) {
        double[] share = new double[used.samples().length];
        double sum = 0;
        for (int i = 0; i < share.length; i++) {
            share[i] = 100 * used.samples()[i] / capacity.samples()[i];
            sum += share[i];
        }
        double[][] forks = new double[used.forks().length][];
        int at = 0;
        for (int f = 0; f < forks.length; f++) {
            forks[f] = java.util.Arrays.copyOfRange(share, at, at + used.forks()[f].length);
            at += used.forks()[f].length;
        }
        return new Measurement(used.harness(), used.benchmark(), used.implementation(), used.baseline(), used.threads(),
                Map.copyOf(used.params()), used.mode(), "usableShare", sum / share.length,
                ConfidenceInterval.halfWidth(share, ConfidenceInterval.JMH_LEVEL), "%", forks, used.source());
    }
}
