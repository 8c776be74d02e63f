package org.epocharena.runformat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a run measured, learned from the run itself: implementations, harnesses and their headline
 * figures from {@code manifest.json}, or, for an old run without one, from the JMH params ({@code kind}
 * is a design, {@code baseline} a baseline) with each harness judged on its primary result. A name
 * nobody declared is an implementation too, treated as a design, so a new design still gets a full
 * report. The report and the results store judge figures through it, so they agree on every headline,
 * direction and floor; neither hard-codes a design, baseline or harness name.
 */
public final class Catalog {
    /** Default practical-equivalence floor relative to the figure (5%). */
    public static final double DEFAULT_FLOOR_RELATIVE = 0.05;

    private final RunManifest manifest;
    private final Map<String, RunManifest.Implementation> implementations = new LinkedHashMap<>();
    private final Map<String, RunManifest.HarnessEntry> harnesses = new LinkedHashMap<>();
    private final List<String> undeclared = new ArrayList<>();

    private Catalog(RunManifest manifest) {
        this.manifest = manifest;
    }

    /** The catalog of a manifest, or an empty one to be filled from the JMH params ({@code null}). */
    public static Catalog of(RunManifest manifest) {
        Catalog c = new Catalog(manifest);
        if (manifest != null) {
            if (manifest.implementations() != null) {
                manifest.implementations().forEach(i -> c.implementations.put(i.name(), i));
            }
            if (manifest.harnesses() != null) {
                manifest.harnesses().forEach(h -> c.harnesses.put(h.name(), h));
            }
        }
        return c;
    }

    public boolean hasManifest() {
        return manifest != null;
    }

    /** The manifest's core count, else {@code fallback} (env.json's), else 0 (unknown). */
    public int cores(int fallback) {
        return manifest != null && manifest.cores() > 0 ? manifest.cores() : Math.max(0, fallback);
    }

    /** The harness a JMH benchmark belongs to: the manifest's, matched on the benchmark method. */
    Optional<RunManifest.HarnessEntry> harnessForBenchmark(String fqn) {
        return harnesses.values().stream().filter(h -> fqn.equals(h.benchmark())).findFirst();
    }

    /** Records an implementation seen in the JMH params; returns whether it is a baseline. */
    public boolean learn(String name, boolean baselineParam) {
        RunManifest.Implementation known = implementations.get(name);
        if (known != null) {
            return known.baseline();
        }
        if (manifest != null && !baselineParam && !undeclared.contains(name)) {
            undeclared.add(name);
        }
        implementations.put(name, new RunManifest.Implementation(name, baselineParam,
                baselineParam ? "baseline (from the JMH param)" : "design", true, null));
        return baselineParam;
    }

    /** Adds the fallback headline (primary result) for a harness the manifest does not describe. */
    void learnHarness(String name, String benchmark, String threadsParam) {
        harnesses.putIfAbsent(name, new RunManifest.HarnessEntry(name, benchmark, null, threadsParam, null, null));
    }

    /** Implementations in the manifest's order (then first seen): the order of rows and colours. */
    public List<String> implementations() {
        return List.copyOf(implementations.keySet());
    }

    public boolean isBaseline(String impl) {
        RunManifest.Implementation i = implementations.get(impl);
        return i != null && i.baseline();
    }

    public String description(String impl) {
        RunManifest.Implementation i = implementations.get(impl);
        return i == null || i.description() == null ? "" : i.description();
    }

    /** Declared implementations that did not run, with the reason ("needs JDK 22+ ..."). */
    public Map<String, String> notRun() {
        Map<String, String> out = new LinkedHashMap<>();
        implementations.values().stream().filter(i -> Boolean.FALSE.equals(i.ran()))
                .forEach(i -> out.put(i.name(), i.notRunReason() == null ? "not run" : i.notRunReason()));
        return out;
    }

    /** Names in the JMH results that the manifest does not declare (reported as designs). */
    public List<String> undeclared() {
        return List.copyOf(undeclared);
    }

    public List<RunManifest.HarnessEntry> harnesses() {
        return List.copyOf(harnesses.values());
    }

    /**
     * The headline figures of a harness with every default filled in. Without a manifest entry: the
     * primary result, its direction and unit taken from {@code sample} (one of the harness's results).
     */
    public List<Headline> headlines(String harness, Measurement sample) {
        RunManifest.HarnessEntry h = harnesses.get(harness);
        List<Headline> out = new ArrayList<>();
        if (h != null && h.headlines() != null && !h.headlines().isEmpty()) {
            for (RunManifest.HeadlineEntry m : h.headlines()) {
                String metric = m.metric() == null || m.metric().isEmpty() ? "score" : JmhResultReader.percentileName(m.metric());
                boolean higher = "higher".equalsIgnoreCase(m.better());
                String unit = m.unit() == null ? "" : m.unit();
                out.add(new Headline(harness, m.id() == null ? metric : m.id(), m.label() == null ? metric : m.label(), metric,
                        higher, unit, m.floorRelative() == null ? DEFAULT_FLOOR_RELATIVE : m.floorRelative(),
                        m.floorAbsolute() == null ? defaultFloorAbsolute(metric, unit) : m.floorAbsolute(),
                        RunManifest.HeadlineEntry.HDR_SOURCE.equals(m.source()) ? IntervalLogReader.BENCHMARK
                                : JmhResultReader.simpleName(h.benchmark())));
            }
            return out;
        }
        if (sample != null && sample.direction() != Direction.UNKNOWN) {
            boolean higher = sample.direction() == Direction.HIGHER_IS_BETTER;
            out.add(new Headline(harness, "score", sample.benchmark() + (higher ? " throughput" : " time"), "score", higher,
                    sample.unit(), DEFAULT_FLOOR_RELATIVE, defaultFloorAbsolute("score", sample.unit()), null));
        }
        return out;
    }

    /**
     * Defaults below which a difference means nothing: 1 B/op of heap garbage, 0.001 of a share, the
     * timer's resolution (about 30 ns) for a time; 0 otherwise (only the relative floor applies).
     */
    public static double defaultFloorAbsolute(String metric, String unit) {
        if (metric.startsWith("gc.alloc.rate.norm")) {
            return 1;
        }
        if (unit.equals("share") || metric.toLowerCase(java.util.Locale.ROOT).contains("share")) {
            return unit.equals("%") ? 0.1 : 0.001;
        }
        double perNs = TimeUnits.nanosPer(unit);
        return Double.isNaN(perNs) ? 0 : 30 / perNs;
    }

    /** The headline {@code m} is a figure of, or null when it is not a headline figure. */
    public Headline headlineOf(Measurement m) {
        return headlines(m.harness(), m).stream().filter(h -> h.matches(m)).findFirst().orElse(null);
    }

    /** The floors and direction of any figure: its headline's, else the defaults for its metric and unit. */
    public Headline floorOf(Measurement m) {
        Headline h = headlineOf(m);
        return h != null ? h : new Headline(m.harness(), m.metric(), m.metric(), m.metric(),
                m.direction() == Direction.HIGHER_IS_BETTER, m.unit(), DEFAULT_FLOOR_RELATIVE,
                defaultFloorAbsolute(m.metric(), m.unit()), null);
    }

    /**
     * Which way is better for {@code m}: its headline's word when it is a headline figure, else what its
     * metric and unit say ({@link Direction#UNKNOWN} for a counter that may go either way).
     */
    public Direction directionOf(Measurement m) {
        Headline h = headlineOf(m);
        return h == null ? m.direction() : h.higherBetter() ? Direction.HIGHER_IS_BETTER : Direction.LOWER_IS_BETTER;
    }

    /** A headline with one of its figures (for the unit when the manifest leaves it out). */
    public record HarnessView(Headline headline, Measurement sample) {
    }

    /** Every headline of every harness the run measured, each with one of its figures. */
    public List<HarnessView> headlineViews(List<Measurement> all) {
        List<HarnessView> out = new ArrayList<>();
        List<String> names = new ArrayList<>(harnesses.keySet());
        all.stream().map(Measurement::harness).distinct().filter(h -> !names.contains(h)).forEach(names::add);
        for (String harness : names) {
            Measurement any = all.stream().filter(m -> m.harness().equals(harness)).findFirst().orElse(null);
            for (Headline h : headlines(harness, any)) {
                all.stream().filter(h::matches).findFirst().ifPresent(m -> out.add(new HarnessView(h, m)));
            }
        }
        return out;
    }

    /** The param carrying the thread count of a harness; null for JMH's threads. */
    public String threadsParam(String harness) {
        RunManifest.HarnessEntry h = harnesses.get(harness);
        return h == null ? null : h.threadsParam();
    }

    public String question(String harness) {
        RunManifest.HarnessEntry h = harnesses.get(harness);
        return h == null || h.question() == null ? "" : h.question();
    }
}
