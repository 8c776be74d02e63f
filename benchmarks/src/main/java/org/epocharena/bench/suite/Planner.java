package org.epocharena.bench.suite;

import java.io.OutputStream;
import java.io.PrintStream;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.openjdk.jmh.runner.BenchmarkList;
import org.openjdk.jmh.runner.BenchmarkListEntry;
import org.openjdk.jmh.runner.format.OutputFormatFactory;
import org.openjdk.jmh.runner.options.VerboseMode;

/**
 * Turns a profile and the user's narrowing (harnesses, implementations, thread counts) into the list
 * of JMH runs. Benchmarks come from JMH's own benchmark list in the jar; every one takes the one param
 * {@code impl}. A benchmark marked {@link ArenaOnly} gets the selected designs only, so when baselines
 * are selected too it runs in a JMH run of its own (file suffix {@code -arenas}): JMH params apply to
 * every benchmark of a run.
 */
public final class Planner {
    private static final String PACKAGE = "org.epocharena.bench.";
    static final String IMPL = "impl";
    static final String ARENAS_PART = "arenas";

    private final List<BenchmarkListEntry> benchmarks;

    public Planner(List<BenchmarkListEntry> benchmarks) {
        this.benchmarks = List.copyOf(benchmarks);
    }

    /** A planner over the benchmarks compiled into this jar (META-INF/BenchmarkList). */
    public static Planner fromClasspath() {
        PrintStream silent = new PrintStream(OutputStream.nullOutputStream());
        return new Planner(new ArrayList<>(BenchmarkList.defaultList().find(
                OutputFormatFactory.createFormatInstance(silent, VerboseMode.SILENT),
                List.of(PACKAGE.replace(".", "\\.")), List.of())));
    }

    /** Some of a harness's benchmarks and the implementations they get. */
    private record Group(String part, List<BenchmarkListEntry> entries, Selection impls) {
    }

    /**
     * @param threadsOverride the user's {@code --threads}, or null: replaces every harness's JMH
     *                        {@code threads} and {@code workers} lists and drops the "once" runs
     */
    public List<PlannedRun> plan(Profile profile, List<String> harnesses, Selection impls, List<Integer> threadsOverride) {
        List<PlannedRun> runs = new ArrayList<>();
        for (String harness : harnesses) {
            HarnessSettings s = profile.settings(harness);
            List<Integer> workers = threadsOverride != null && !s.workers().isEmpty() ? threadsOverride : s.workers();
            List<Integer> threads = threadsOverride != null && !s.threads().isEmpty() ? threadsOverride : s.threads();
            for (Group g : groups(harness, impls)) {
                Map<String, List<String>> params = new LinkedHashMap<>(s.params());
                params.put(IMPL, g.impls().names());
                if (!workers.isEmpty()) {
                    params.put("workers", workers.stream().map(String::valueOf).toList());
                }
                if (threads.isEmpty()) {
                    runs.add(new PlannedRun(harness, g.part(), g.entries(), params, null, s));
                } else {
                    for (int t : threads) {
                        runs.add(new PlannedRun(harness, join("t" + t, g.part()), g.entries(), params, t, s));
                    }
                }
            }
            if (threadsOverride == null && !(s.onceParams().isEmpty() && s.onceThreads().isEmpty())) {
                List<Integer> onceThreads = !s.onceThreads().isEmpty() ? s.onceThreads()
                        : threads.isEmpty() ? Collections.singletonList(null) : List.of(threads.get(0));
                for (Integer t : onceThreads) {
                    runs.addAll(once(harness, s, impls, workers, t, !s.onceThreads().isEmpty()));
                }
            }
        }
        List<String> names = runs.stream().map(PlannedRun::resultFileName).toList();
        if (names.size() != new HashSet<>(names).size()) {
            throw new ProfileException("profile '" + profile.name() + "' plans two JMH runs into one file: " + names
                    + " (a once.threads or once.params point repeats a main one)");
        }
        return runs;
    }

    /**
     * The "once" runs: the once params (or JMH thread count) for the implementations {@code once.impls}
     * picks, and only for the benchmarks that have every once param.
     */
    private List<PlannedRun> once(String harness, HarnessSettings s, Selection impls, List<Integer> workers,
                                  Integer threads, boolean ownThreads) {
        List<PlannedRun> out = new ArrayList<>();
        Selection chosen = impls.once(s.onceImpls());
        if (chosen.isEmpty()) {
            return out;
        }
        StringBuilder part = new StringBuilder(ownThreads ? "t" + threads : "");
        s.onceParams().forEach((k, v) -> part.append(part.length() == 0 ? "" : "-").append(k).append(String.join("_", v)));
        for (Group g : groups(harness, chosen)) {
            List<BenchmarkListEntry> entries = new ArrayList<>();
            for (BenchmarkListEntry e : g.entries()) {
                if (params(e).keySet().containsAll(s.onceParams().keySet())) {
                    entries.add(e);
                }
            }
            if (entries.isEmpty()) {
                continue;
            }
            Map<String, List<String>> params = new LinkedHashMap<>(s.params());
            params.put(IMPL, g.impls().names());
            if (!workers.isEmpty()) {
                params.put("workers", workers.stream().map(String::valueOf).toList());
            }
            params.putAll(s.onceParams());
            out.add(new PlannedRun(harness, join(part.toString(), g.part()), entries, params, threads, s));
        }
        return out;
    }

    private static String join(String a, String b) {
        return a.isEmpty() ? b : b.isEmpty() ? a : a + "-" + b;
    }

    /** The harness's benchmarks split by what they can measure, each with its implementations. */
    private List<Group> groups(String harness, Selection impls) {
        List<BenchmarkListEntry> any = new ArrayList<>();
        List<BenchmarkListEntry> arenaOnly = new ArrayList<>();
        for (BenchmarkListEntry e : select(harness)) {
            (isArenaOnly(e) ? arenaOnly : any).add(e);
        }
        Selection designs = impls.designs();
        List<Group> groups = new ArrayList<>();
        if (impls.baselines().isEmpty()) {
            List<BenchmarkListEntry> all = new ArrayList<>(any);
            all.addAll(arenaOnly);
            if (!all.isEmpty() && !impls.isEmpty()) {
                groups.add(new Group("", all, impls));
            }
            return groups;
        }
        if (!any.isEmpty()) {
            groups.add(new Group("", any, impls));
        }
        if (!arenaOnly.isEmpty() && !designs.isEmpty()) {
            groups.add(new Group(any.isEmpty() ? "" : ARENAS_PART, arenaOnly, designs));
        }
        return groups;
    }

    /** The harness's benchmarks, in the jar's order. */
    List<BenchmarkListEntry> select(String harness) {
        String benchmarkClass = HarnessRegistry.named(harness).benchmarkClass().getName();
        List<BenchmarkListEntry> out = new ArrayList<>();
        for (BenchmarkListEntry e : benchmarks) {
            if (e.getUsername().startsWith(benchmarkClass + ".")) {
                out.add(e);
            }
        }
        if (out.isEmpty()) {
            throw new IllegalStateException("no JMH benchmark found for harness '" + harness + "' in "
                    + benchmarkClass + " (is the jar built with the annotation processor?)");
        }
        return out;
    }

    /** Whether the benchmark method or its class carries {@link ArenaOnly}. */
    static boolean isArenaOnly(BenchmarkListEntry e) {
        String name = e.getUsername();
        String methodName = name.substring(name.lastIndexOf('.') + 1);
        try {
            Class<?> type = Class.forName(e.getUserClassQName(), false, Planner.class.getClassLoader());
            if (type.isAnnotationPresent(ArenaOnly.class)) {
                return true;
            }
            for (Method m : type.getMethods()) {
                if (m.getName().equals(methodName) && m.isAnnotationPresent(ArenaOnly.class)) {
                    return true;
                }
            }
            return false;
        } catch (ClassNotFoundException ex) {
            throw new IllegalStateException("benchmark class " + e.getUserClassQName() + " is not on the classpath", ex);
        }
    }

    static Map<String, String[]> params(BenchmarkListEntry e) {
        return e.getParams().hasValue() ? e.getParams().get() : Map.of();
    }
}
