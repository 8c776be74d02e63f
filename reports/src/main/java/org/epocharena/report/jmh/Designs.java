package org.epocharena.report.jmh;

import java.util.Set;

/**
 * The names the suite uses for what it measures. Kept here (not read from arena-impls) so the report
 * can be run on JSON from any commit; unknown names are still reported, only not classed as baselines.
 */
public final class Designs {
    public static final Set<String> ARENAS = Set.of("REFERENCE", "SYNCHRONIZED", "STAMPED_LOCK", "STRIPED", "LOCK_FREE");
    public static final Set<String> BASELINES = Set.of("JVM_NEW", "NETTY_HEAP", "NETTY_DIRECT");

    private Designs() {
    }
}
