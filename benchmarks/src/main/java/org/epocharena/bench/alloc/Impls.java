package org.epocharena.bench.alloc;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.epocharena.ArenaKind;

/**
 * Every implementation the suite can measure: each {@link ArenaKind} constant as a {@link Design},
 * then each {@link Baseline}. The one registry harnesses resolve their {@code impl} param through.
 */
public final class Impls {
    /**
     * The default {@code impl} of a harness run by hand without {@code -p impl=...}: JMH needs a
     * default for a String param, and a harness names no design. It means the first arena design.
     */
    public static final String FIRST_DESIGN = "FIRST_DESIGN";
    /** The default {@code impl} of harnesses that also measure baselines: the JVM's own allocation. */
    public static final String DEFAULT = "JVM_NEW";
    private static final List<Impl> ALL;

    static {
        List<Impl> all = new ArrayList<>();
        for (ArenaKind kind : ArenaKind.values()) {
            all.add(new Design(kind));
        }
        Collections.addAll(all, Baseline.values());
        ALL = List.copyOf(all);
    }

    private Impls() {
    }

    /** Designs first (in {@code ArenaKind} order), then baselines. */
    public static List<Impl> all() {
        return ALL;
    }

    /** @throws IllegalArgumentException naming the value and every valid name */
    public static Impl named(String name) {
        if (FIRST_DESIGN.equals(name)) {
            return ALL.get(0);
        }
        for (Impl impl : ALL) {
            if (impl.name().equals(name)) {
                return impl;
            }
        }
        throw new IllegalArgumentException("unknown implementation '" + name + "'; valid: " + String.join(", ", names()));
    }

    /** The arena design called {@code name}, for harnesses that measure what only an arena has. */
    public static ArenaKind design(String name) {
        Impl impl = named(name);
        if (impl instanceof Design d) {
            return d.kind();
        }
        throw new IllegalArgumentException("'" + name + "' is a baseline; this benchmark measures arena designs only");
    }

    public static List<String> names() {
        return ALL.stream().map(Impl::name).toList();
    }
}
