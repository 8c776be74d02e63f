package org.epocharena.bench.suite;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.epocharena.bench.alloc.Impl;
import org.epocharena.bench.alloc.Impls;

/**
 * The implementations a run measures, designs and baselines in one list (the user's {@code --impls},
 * or every one the registry knows), in registry order: designs first, then baselines.
 */
public record Selection(List<Impl> impls) {
    public Selection {
        impls = List.copyOf(impls);
    }

    /** Every design and every baseline. */
    public static Selection all() {
        return new Selection(Impls.all());
    }

    /**
     * Parses "NAME,NAME,..." (case-sensitive, as the JMH param is).
     *
     * @throws IllegalArgumentException naming the unknown value and listing the valid ones
     */
    public static Selection parse(String csv) {
        Set<String> wanted = new LinkedHashSet<>();
        for (String raw : csv.split(",")) {
            String name = raw.trim();
            if (!name.isEmpty()) {
                Impls.named(name);
                wanted.add(name);
            }
        }
        if (wanted.isEmpty()) {
            throw new IllegalArgumentException("no implementation named in '" + csv + "'; valid: "
                    + String.join(", ", Impls.names()));
        }
        List<Impl> chosen = new ArrayList<>();
        for (Impl impl : Impls.all()) {
            if (wanted.contains(impl.name())) {
                chosen.add(impl);
            }
        }
        return new Selection(chosen);
    }

    public List<String> names() {
        return impls.stream().map(Impl::name).toList();
    }

    public Selection designs() {
        return new Selection(impls.stream().filter(i -> !i.isBaseline()).toList());
    }

    public Selection baselines() {
        return new Selection(impls.stream().filter(Impl::isBaseline).toList());
    }

    /** Only those that can run on a benchmark JVM of this feature version. */
    public Selection runnableOn(int jvmFeatureVersion) {
        return new Selection(impls.stream().filter(i -> i.unavailableReason(jvmFeatureVersion).isEmpty()).toList());
    }

    /** Why each member that cannot run on a JVM of this feature version cannot, by name. */
    public Map<String, String> notRunnableOn(int jvmFeatureVersion) {
        Map<String, String> why = new LinkedHashMap<>();
        for (Impl impl : impls) {
            Optional<String> reason = impl.unavailableReason(jvmFeatureVersion);
            reason.ifPresent(r -> why.put(impl.name(), r));
        }
        return why;
    }

    /**
     * The members a profile's {@code once.impls} names: {@code first} (the first design, else the
     * first member), {@code designs}, {@code baselines} or {@code all}. A profile never names a design:
     * designs come and go in arena-impls.
     */
    public Selection once(String which) {
        return switch (which) {
            case "all" -> this;
            case "designs" -> designs();
            case "baselines" -> baselines();
            case "first" -> {
                Selection d = designs();
                List<Impl> from = d.isEmpty() ? impls : d.impls();
                yield new Selection(from.isEmpty() ? List.of() : List.of(from.get(0)));
            }
            default -> throw new ProfileException("once.impls must be first, designs, baselines or all, was '"
                    + which + "'");
        };
    }

    public boolean isEmpty() {
        return impls.isEmpty();
    }
}
