package org.epocharena.bench.suite;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.epocharena.ArenaKind;
import org.epocharena.bench.baseline.Baseline;

/**
 * The implementations a run measures: arena designs (JMH param {@code kind}) and baselines (param
 * {@code baseline}), named by their enum constants in one list because a user thinks of them as one
 * list ("STRIPED against JVM_NEW"); the harnesses keep them apart so JMH never crosses the two.
 */
public record Impls(List<ArenaKind> kinds, List<Baseline> baselines) {
    public Impls {
        kinds = List.copyOf(kinds);
        baselines = List.copyOf(baselines);
    }

    /** Every design and every baseline, in enum order. */
    public static Impls all() {
        return new Impls(Arrays.asList(ArenaKind.values()), Arrays.asList(Baseline.values()));
    }

    /**
     * Parses "REFERENCE,STRIPED,JVM_NEW" (case-sensitive, as the JMH params are).
     *
     * @throws IllegalArgumentException naming the unknown value and listing the valid ones
     */
    public static Impls parse(String csv) {
        Set<ArenaKind> kinds = new LinkedHashSet<>();
        Set<Baseline> baselines = new LinkedHashSet<>();
        for (String raw : csv.split(",")) {
            String name = raw.trim();
            if (name.isEmpty()) {
                continue;
            }
            ArenaKind kind = find(ArenaKind.class, name);
            Baseline baseline = find(Baseline.class, name);
            if (kind != null) {
                kinds.add(kind);
            } else if (baseline != null) {
                baselines.add(baseline);
            } else {
                throw new IllegalArgumentException("unknown implementation '" + name + "'; valid: " + validNames());
            }
        }
        if (kinds.isEmpty() && baselines.isEmpty()) {
            throw new IllegalArgumentException("no implementation named in '" + csv + "'; valid: " + validNames());
        }
        return new Impls(new ArrayList<>(kinds), new ArrayList<>(baselines));
    }

    /** Every valid name, designs first. */
    public static String validNames() {
        List<String> names = new ArrayList<>();
        for (ArenaKind k : ArenaKind.values()) {
            names.add(k.name());
        }
        for (Baseline b : Baseline.values()) {
            names.add(b.name());
        }
        return String.join(", ", names);
    }

    /** The names in run order: designs, then baselines. */
    public List<String> names() {
        List<String> names = new ArrayList<>();
        kinds.forEach(k -> names.add(k.name()));
        baselines.forEach(b -> names.add(b.name()));
        return names;
    }

    /** Only the members of {@code wanted} (names) that this selection holds. */
    public Impls retain(List<String> wanted) {
        List<ArenaKind> k = new ArrayList<>(kinds);
        k.removeIf(x -> !wanted.contains(x.name()));
        List<Baseline> b = new ArrayList<>(baselines);
        b.removeIf(x -> !wanted.contains(x.name()));
        return new Impls(k, b);
    }

    public boolean isEmpty() {
        return kinds.isEmpty() && baselines.isEmpty();
    }

    private static <E extends Enum<E>> E find(Class<E> type, String name) {
        for (E e : type.getEnumConstants()) {
            if (e.name().equals(name)) {
                return e;
            }
        }
        return null;
    }
}
