package org.epocharena.bench.suite;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.epocharena.bench.throughput.FairnessProfiler;
import org.epocharena.bench.workload.FiguresProfiler;
import org.epocharena.runformat.SideFiles;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.BenchmarkListEntry;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * One JMH run of the suite: one harness (or one part of it: one JMH thread count, or the "once"
 * point), its benchmarks, params and settings, written to its own {@code raw/jmh-<harness>[-<part>].json}
 * so an interrupted suite keeps every run that finished.
 *
 * @param part    "" for a harness in one run, else the file-name suffix ("t16", "workers1000")
 * @param threads JMH {@code -t} for this run, or null for the harness's own {@code @Threads}
 */
public record PlannedRun(String harness, String part, List<BenchmarkListEntry> entries,
                         Map<String, List<String>> params, Integer threads, HarnessSettings settings) {
    /** The system property that tells the forks where to write HdrHistogram files (see latency's HdrOutput). */
    public static final String HDR_DIR_PROPERTY = "epocharena.hdr.dir";
    /** The system property that tells the forks where to write the stalled-thread samples ({@code raw/held}). */
    public static final String HELD_DIR_PROPERTY = "epocharena.held.dir";

    public String resultFileName() {
        return "jmh-" + harness + (part.isEmpty() ? "" : "-" + part) + ".json";
    }

    /**
     * The JMH options: the profile's settings, then the user's raw options on top ({@code user} is the
     * parent, and a profile value is set only where the user gave none), the hdr folder appended to
     * the forks' JVM arguments, JSON into {@code resultFile}.
     */
    public Options options(Options user, Path resultFile, Path hdrDir, String jvm) {
        return options(user, resultFile, hdrDir, hdrDir.resolveSibling(SideFiles.HELD_DIR), jvm);
    }

    /** As above, with the folder of the stalled-thread samples given. */
    public Options options(Options user, Path resultFile, Path hdrDir, Path heldDir, String jvm) {
        ChainedOptionsBuilder b = new OptionsBuilder().parent(user);
        for (BenchmarkListEntry e : entries) {
            b.include("^" + Pattern.quote(e.getUsername()) + "$");
        }
        HarnessSettings s = settings;
        if (!user.getForkCount().hasValue()) {
            b.forks(s.forks());
        }
        if (!user.getWarmupIterations().hasValue()) {
            b.warmupIterations(s.warmupIterations());
        }
        if (!user.getWarmupTime().hasValue()) {
            b.warmupTime(s.warmupTime());
        }
        if (!user.getMeasurementIterations().hasValue()) {
            b.measurementIterations(s.measurementIterations());
        }
        if (!user.getMeasurementTime().hasValue()) {
            b.measurementTime(s.measurementTime());
        }
        if (!user.getTimeout().hasValue()) {
            b.timeout(s.timeout());
        }
        if (!user.getJvmArgs().hasValue() && !s.jvmArgs().isEmpty()) {
            b.jvmArgs(s.jvmArgs().toArray(new String[0]));
        }
        List<String> append = new ArrayList<>();
        append.add("-D" + HDR_DIR_PROPERTY + "=" + hdrDir.toAbsolutePath());
        append.add("-D" + HELD_DIR_PROPERTY + "=" + heldDir.toAbsolutePath());
        if (user.getJvmArgsAppend().hasValue()) {
            append.addAll(user.getJvmArgsAppend().get());
        }
        b.jvmArgsAppend(append.toArray(new String[0]));
        if (threads != null && !user.getThreads().hasValue()) {
            b.threads(threads);
        }
        params.forEach((name, values) -> {
            if (!user.getParameter(name).hasValue()) {
                b.param(name, values.toArray(new String[0]));
            }
        });
        for (String p : s.profilers()) {
            b.addProfiler(p);
        }
        // Both are no-ops in harnesses that do not feed them; always on so no figure is forgotten.
        b.addProfiler(FiguresProfiler.class);
        b.addProfiler(FairnessProfiler.class);
        if (jvm != null && !user.getJvm().hasValue()) {
            b.jvm(jvm);
        }
        if (!user.shouldFailOnError().hasValue()) {
            b.shouldFailOnError(false);
        }
        return b.result(resultFile.toString()).resultFormat(ResultFormatType.JSON).build();
    }

    /** Benchmark x param combinations JMH will run: one trial each (its forks included). */
    public int trials(Options effective) {
        int total = 0;
        for (BenchmarkListEntry e : entries) {
            total += trials(e, effective);
        }
        return total;
    }

    static int trials(BenchmarkListEntry e, Options effective) {
        int n = 1;
        if (e.getParams().hasValue()) {
            for (Map.Entry<String, String[]> p : e.getParams().get().entrySet()) {
                Collection<String> chosen = effective.getParameter(p.getKey()).orElse(null);
                n *= chosen != null ? chosen.size() : p.getValue().length;
            }
        }
        return n;
    }

    /**
     * Seconds one trial should take: its forks, each JVM start plus warm-up plus measurement (or the
     * profile's {@code estimate.trial} per fork, for harnesses whose iterations are not timed).
     */
    public double secondsPerTrial(Options effective) {
        int forks = effective.getForkCount().orElse(5);
        int warmupForks = effective.getWarmupForkCount().orElse(0);
        if (settings.trialSeconds() > 0) {
            return Math.max(1, forks + warmupForks) * settings.trialSeconds();
        }
        double iterations = effective.getWarmupIterations().orElse(5) * seconds(effective.getWarmupTime().orElse(null))
                + effective.getMeasurementIterations().orElse(5) * seconds(effective.getMeasurementTime().orElse(null));
        double perFork = settings.forkOverheadSeconds() + iterations;
        return forks == 0 ? iterations : (forks + warmupForks) * perFork;
    }

    private static double seconds(TimeValue t) {
        return t == null ? 10 : t.convertTo(java.util.concurrent.TimeUnit.MILLISECONDS) / 1000.0;
    }

    /** One line of the plan: what runs, how often, how long. */
    public String describe(Options effective) {
        StringBuilder s = new StringBuilder(resultFileName()).append(": ");
        s.append(trials(effective)).append(" trials");
        if (threads != null) {
            s.append(", JMH threads ").append(threads);
        }
        s.append(", forks ").append(effective.getForkCount().orElse(5))
                .append(", warmup ").append(effective.getWarmupIterations().orElse(5)).append(" x ")
                .append(effective.getWarmupTime().orElse(TimeValue.seconds(10)))
                .append(", measurement ").append(effective.getMeasurementIterations().orElse(5)).append(" x ")
                .append(effective.getMeasurementTime().orElse(TimeValue.seconds(10)));
        List<String> ps = new ArrayList<>();
        params.forEach((k, v) -> ps.add(k + "=" + String.join(",", effective.getParameter(k).orElse(v))));
        s.append("\n      params ").append(String.join(" ", ps));
        List<String> methods = new ArrayList<>();
        for (BenchmarkListEntry e : entries) {
            String name = e.getUsername();
            methods.add(name.substring(name.lastIndexOf('.') + 1));
        }
        s.append("; benchmarks ").append(String.join(",", methods));
        if (!settings.profilers().isEmpty()) {
            s.append("; -prof ").append(String.join(",", settings.profilers()));
        }
        return s.toString();
    }
}
