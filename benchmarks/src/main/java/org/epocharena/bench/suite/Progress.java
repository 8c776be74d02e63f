package org.epocharena.bench.suite;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.openjdk.jmh.infra.BenchmarkParams;

/**
 * Counts trials across all of the suite's JMH runs and prints one line as each starts: position,
 * benchmark and params, elapsed time and what is left. The time left is the plan's estimate for the
 * remaining trials, scaled by how far the finished ones ran over or under their own estimate, so it
 * corrects itself on a slower machine.
 */
final class Progress {
    private final PrintStream out;
    private final int total;
    private final double plannedTotal;
    private final long startNanos;
    private int started;
    private double plannedStarted;
    private double currentTrialSeconds;
    private String harness = "";

    Progress(PrintStream out, int totalTrials, double plannedSeconds, long startNanos) {
        this.out = out;
        this.total = totalTrials;
        this.plannedTotal = plannedSeconds;
        this.startNanos = startNanos;
    }

    /** The next trials belong to {@code harness} and should take {@code secondsPerTrial} each. */
    synchronized void beginRun(String harness, double secondsPerTrial) {
        this.harness = harness;
        this.currentTrialSeconds = secondsPerTrial;
    }

    synchronized void trialStarted(BenchmarkParams params, long nowNanos) {
        double plannedDone = plannedStarted;
        started++;
        plannedStarted += currentTrialSeconds;
        double elapsed = (nowNanos - startNanos) / 1e9;
        double pace = plannedDone > 0 ? Math.max(0.5, Math.min(3.0, elapsed / plannedDone)) : 1.0;
        double left = Math.max(0, plannedTotal - plannedDone) * pace;
        out.println(line(params, elapsed, left));
        out.flush();
    }

    synchronized int started() {
        return started;
    }

    String line(BenchmarkParams params, double elapsed, double left) {
        String name = params.getBenchmark();
        String method = name.substring(name.lastIndexOf('.') + 1);
        List<String> ps = new ArrayList<>();
        for (Object key : params.getParamsKeys()) {
            ps.add(key + "=" + params.getParam((String) key));
        }
        return String.format(Locale.ROOT, "[%d/%d] %s %s %s t=%d ... elapsed %s, ~%s left", started, total, harness,
                method, String.join(" ", ps), params.getThreads(), clock(elapsed), clock(left));
    }

    /** m:ss (or h:mm:ss), as a person reads a stopwatch. */
    static String clock(double seconds) {
        long s = Math.round(seconds);
        return s >= 3600 ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
                : String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
    }

    /** "2 min 10 s" for the plan's estimate. */
    static String estimate(double seconds) {
        long s = Math.round(seconds);
        if (s < 60) {
            return s + " s";
        }
        return s % 60 == 0 ? s / 60 + " min" : s / 60 + " min " + s % 60 + " s";
    }
}
