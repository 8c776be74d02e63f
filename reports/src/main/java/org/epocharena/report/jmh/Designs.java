package org.epocharena.report.jmh;

import java.util.Set;

/**
 * The names the suite uses for what it measures: {@code ArenaKind} (arena-impls) and {@code Baseline}
 * (benchmarks). Copied rather than depended on, so the report jar stays small and reads JSON from any
 * commit; DesignsTest fails when the enums and these lists drift apart. A {@code kind} or
 * {@code baseline} param outside them is rejected (a typo or a stale report jar), never charted as a
 * design nobody knows.
 */
public final class Designs {
    public static final Set<String> ARENAS = Set.of("REFERENCE", "SYNCHRONIZED", "STAMPED_LOCK", "STRIPED", "LOCK_FREE");
    public static final Set<String> BASELINES = Set.of("JVM_NEW", "NETTY_HEAP", "NETTY_DIRECT");

    private Designs() {
    }

    /** Checks a {@code kind} / {@code baseline} param value; the message names the value, the file and the known names. */
    static void check(String param, String value, Object file) {
        java.util.Set<String> known = param.equals("kind") ? ARENAS : BASELINES;
        if (!known.contains(value)) {
            throw new org.epocharena.report.BadInputException("unknown design " + param + "=" + value + " in " + file
                    + " (known: " + String.join(", ", new java.util.TreeSet<>(known)) + ")");
        }
    }
}
