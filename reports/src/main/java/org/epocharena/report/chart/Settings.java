package org.epocharena.report.chart;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.epocharena.report.jmh.Measurement;

/**
 * The workload settings worth printing in a chart label: only the JMH params that differ between
 * the points of that chart. A param every point shares (reclaim=DEDICATED) would only lengthen every
 * legend entry; it stays in the tables.
 */
final class Settings {
    /** Params that say who was measured or with how many threads: shown elsewhere, never a setting. */
    static final Set<String> IDENTITY = Set.of("kind", "baseline", "workers");

    private Settings() {
    }

    /**
     * Param names (other than {@link #IDENTITY}) with more than one value among the points that have
     * them, sorted. A param only some points have (reclaim=, which baselines lack) is not a difference.
     */
    static Set<String> varying(List<Measurement> pts) {
        Set<String> keys = new TreeSet<>();
        pts.forEach(m -> keys.addAll(m.params().keySet()));
        keys.removeAll(IDENTITY);
        keys.removeIf(k -> pts.stream().map(m -> m.params().get(k)).filter(v -> v != null).distinct().count() < 2);
        return keys;
    }

    /** " start=EMPTY stall=NONE" for the {@code keys} that {@code m} has; "" when none. */
    static String text(Measurement m, Set<String> keys) {
        StringBuilder sb = new StringBuilder();
        for (String k : keys) {
            Map<String, String> p = m.params();
            if (p.containsKey(k)) {
                sb.append(' ').append(k).append('=').append(p.get(k));
            }
        }
        return sb.toString();
    }
}
