package org.epocharena.bench.suite;

import java.io.OutputStream;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.epocharena.ArenaKind;
import org.openjdk.jmh.runner.BenchmarkList;
import org.openjdk.jmh.runner.BenchmarkListEntry;
import org.openjdk.jmh.runner.format.OutputFormatFactory;
import org.openjdk.jmh.runner.options.VerboseMode;

/**
 * Turns a profile and the user's narrowing (harnesses, implementations, thread counts) into the list
 * of JMH runs. Benchmarks come from JMH's own benchmark list in the jar: a method whose state has a
 * {@code kind} param measures arenas, one with a {@code baseline} param measures baselines, so a run
 * without baselines simply leaves the baseline methods out (and a harness with nothing left is skipped).
 */
public final class Planner {
    private static final String PACKAGE = "org.epocharena.bench.";

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

    /**
     * @param threadsOverride the user's {@code --threads}, or null: replaces every harness's JMH
     *                        {@code threads} and {@code workers} lists and drops the "once" runs
     */
    public List<PlannedRun> plan(Profile profile, List<String> harnesses, Impls impls, List<Integer> threadsOverride) {
        List<PlannedRun> runs = new ArrayList<>();
        for (String harness : harnesses) {
            HarnessSettings s = profile.settings(harness);
            List<BenchmarkListEntry> entries = select(harness, impls);
            if (entries.isEmpty()) {
                continue;
            }
            Map<String, List<String>> params = new LinkedHashMap<>(s.params());
            putImpls(params, impls, entries);
            List<Integer> workers = threadsOverride != null && !s.workers().isEmpty() ? threadsOverride : s.workers();
            if (!workers.isEmpty()) {
                params.put("workers", workers.stream().map(String::valueOf).toList());
            }
            List<Integer> threads = threadsOverride != null && !s.threads().isEmpty() ? threadsOverride : s.threads();
            if (threads.isEmpty()) {
                runs.add(new PlannedRun(harness, "", entries, params, null, s));
            } else {
                for (int t : threads) {
                    runs.add(new PlannedRun(harness, "t" + t, entries, params, t, s));
                }
            }
            if (threadsOverride == null && !(s.onceParams().isEmpty() && s.onceThreads().isEmpty())) {
                List<Integer> onceThreads = !s.onceThreads().isEmpty() ? s.onceThreads()
                        : threads.isEmpty() ? java.util.Collections.singletonList(null) : List.of(threads.get(0));
                for (Integer t : onceThreads) {
                    PlannedRun once = once(harness, s, impls, params, t, !s.onceThreads().isEmpty());
                    if (once != null) {
                        runs.add(once);
                    }
                }
            }
        }
        List<String> names = runs.stream().map(PlannedRun::resultFileName).toList();
        if (names.size() != new java.util.HashSet<>(names).size()) {
            throw new ProfileException("profile '" + profile.name() + "' plans two JMH runs into one file: " + names
                    + " (a once.threads or once.params point repeats a main one)");
        }
        return runs;
    }

    /**
     * A "once" run: the once params (or JMH thread count) for one implementation only (the first of
     * {@code once.impls} that is selected, else the first selected design), and only for the
     * benchmarks that have every once param, so it never repeats a point of the main run.
     */
    private PlannedRun once(String harness, HarnessSettings s, Impls impls, Map<String, List<String>> mainParams,
                            Integer threads, boolean ownThreads) {
        Impls chosen = impls.retain(s.onceImpls());
        if (chosen.isEmpty() && !impls.kinds().isEmpty()) {
            chosen = new Impls(List.of(impls.kinds().get(0)), List.of());
        }
        Impls one = chosen.kinds().isEmpty()
                ? new Impls(List.of(), chosen.baselines().subList(0, Math.min(1, chosen.baselines().size())))
                : new Impls(List.of(chosen.kinds().get(0)), List.of());
        List<BenchmarkListEntry> entries = new ArrayList<>();
        for (BenchmarkListEntry e : select(harness, one)) {
            if (hasParams(e).keySet().containsAll(s.onceParams().keySet())) {
                entries.add(e);
            }
        }
        if (entries.isEmpty()) {
            return null;
        }
        Map<String, List<String>> params = new LinkedHashMap<>(mainParams);
        params.remove("kind");
        params.remove("baseline");
        putImpls(params, one, entries);
        params.putAll(s.onceParams());
        StringBuilder part = new StringBuilder(ownThreads ? "t" + threads : "");
        s.onceParams().forEach((k, v) -> part.append(part.length() == 0 ? "" : "-").append(k).append(String.join("_", v)));
        return new PlannedRun(harness, part.toString(), entries, params, threads, s);
    }

    /** Sets {@code kind} and {@code baseline} where some benchmark of the run has that param. */
    private static void putImpls(Map<String, List<String>> params, Impls impls, List<BenchmarkListEntry> entries) {
        boolean kinds = entries.stream().anyMatch(e -> hasParams(e).containsKey("kind"));
        boolean baselines = entries.stream().anyMatch(e -> hasParams(e).containsKey("baseline"));
        if (kinds && !impls.kinds().isEmpty()) {
            params.put("kind", impls.kinds().stream().map(ArenaKind::name).toList());
        }
        if (baselines && !impls.baselines().isEmpty()) {
            params.put("baseline", impls.baselines().stream().map(Enum::name).toList());
        }
    }

    /** The harness's benchmarks that measure a selected kind of implementation. */
    List<BenchmarkListEntry> select(String harness, Impls impls) {
        List<BenchmarkListEntry> out = new ArrayList<>();
        boolean any = false;
        for (BenchmarkListEntry e : benchmarks) {
            if (!e.getUsername().startsWith(PACKAGE + harness + ".")) {
                continue;
            }
            any = true;
            Map<String, String[]> params = hasParams(e);
            boolean arena = params.containsKey("kind");
            boolean baseline = params.containsKey("baseline");
            if (arena && !impls.kinds().isEmpty() || baseline && !impls.baselines().isEmpty() || !arena && !baseline) {
                out.add(e);
            }
        }
        if (!any) {
            throw new IllegalStateException("no JMH benchmark found for harness '" + harness + "' under "
                    + PACKAGE + harness + " (is the jar built with the annotation processor?)");
        }
        return out;
    }

    private static Map<String, String[]> hasParams(BenchmarkListEntry e) {
        return e.getParams().hasValue() ? e.getParams().get() : Map.of();
    }
}
