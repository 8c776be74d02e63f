package org.epocharena.bench.suite;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.epocharena.runformat.SideFiles;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * The JMH runs a suite run executes, in order, with the plan's lines and its time estimate. Alone,
 * each planned run is one JMH run with the profile's forks. Paired ({@code --pair-with}), each
 * planned run becomes {@code 2 x forksPerSide} single-fork JMH runs, base and head alternating in
 * {@link PairOrder}'s ABBA order, each fork into its own JSON under {@code raw/forks/}; the executor
 * merges a side's forks into the run's JSON once the last of them has run.
 *
 * @param steps        the JMH runs in the order they execute
 * @param planLines    one line (two when paired) per planned run, for the console
 * @param totalTrials  trials of every step
 * @param totalSeconds the estimate of every step
 * @param aloneSeconds the estimate of the same plan run alone, without pairing
 */
record RunSchedule(boolean paired, List<Step> steps, List<String> planLines, int totalTrials, double totalSeconds,
                   double aloneSeconds) {

    /** One JMH run to execute: the whole planned run {@code run}, or one fork of one side of a paired run. */
    record Step(int run, PairOrder.Side side, int fork, Options options, Path resultFile) {
    }

    /**
     * The schedule of {@code runs}, with {@code user}'s raw JMH options, results under {@code raw} (and
     * the base's under {@code baseRaw}), forks on {@code jvm} (null: this JVM).
     *
     * @param forksPerSide single-fork runs per side of a paired run; 0 when the run is not paired
     */
    static RunSchedule of(List<PlannedRun> runs, Options user, Path raw, Path baseRaw, String jvm, int forksPerSide) {
        boolean paired = forksPerSide > 0;
        List<Step> steps = new ArrayList<>();
        List<String> lines = new ArrayList<>();
        int totalTrials = 0;
        double totalSeconds = 0;
        double aloneSeconds = 0;
        for (int i = 0; i < runs.size(); i++) {
            PlannedRun run = runs.get(i);
            Options o = run.options(user, raw.resolve(run.resultFileName()), raw.resolve(SideFiles.INTERVAL_LOG_DIR), jvm);
            int trials = run.trials(o);
            double alone = trials * run.secondsPerTrial(o);
            aloneSeconds += alone;
            if (!paired) {
                steps.add(new Step(i, PairOrder.Side.HEAD, 0, o, raw.resolve(run.resultFileName())));
                totalTrials += trials;
                totalSeconds += alone;
                lines.add("  [" + (i + 1) + "] " + run.describe(o) + "; ~" + Progress.estimate(alone));
                continue;
            }
            Options baseOptions = run.options(user, baseRaw.resolve(run.resultFileName()), baseRaw.resolve(SideFiles.INTERVAL_LOG_DIR), jvm);
            Options oneFork = oneFork(o, raw.resolve(run.resultFileName()));
            for (PairOrder.Step step : PairOrder.of(forksPerSide)) {
                boolean base = step.side() == PairOrder.Side.BASE;
                Path file = (base ? baseRaw : raw).resolve("forks").resolve(forkFileName(run, step.fork()));
                steps.add(new Step(i, step.side(), step.fork(), oneFork(base ? baseOptions : o, file), file));
            }
            double pairedSeconds = 2.0 * forksPerSide * trials * run.secondsPerTrial(oneFork);
            totalTrials += 2 * forksPerSide * trials;
            totalSeconds += pairedSeconds;
            lines.add("  [" + (i + 1) + "] " + run.describe(oneFork) + "\n      paired: 2 sides x " + forksPerSide
                    + " single-fork runs; ~" + Progress.estimate(pairedSeconds) + " (alone ~" + Progress.estimate(alone) + ")");
        }
        return new RunSchedule(paired, List.copyOf(steps), List.copyOf(lines), totalTrials, totalSeconds, aloneSeconds);
    }

    /** True when {@code steps[i]} is the last step of its planned run: a paired run's forks can be merged. */
    boolean lastOfRun(int i) {
        return i + 1 == steps.size() || steps.get(i + 1).run() != steps.get(i).run();
    }

    /** {@code options} as one fork, no warm-up fork, JSON into {@code file}. */
    private static Options oneFork(Options options, Path file) {
        return new OptionsBuilder().parent(options).forks(1).warmupForks(0)
                .result(file.toString()).resultFormat(ResultFormatType.JSON).build();
    }

    static String forkFileName(PlannedRun run, int fork) {
        String name = run.resultFileName();
        return name.substring(0, name.length() - ".json".length()) + "-fork" + fork + ".json";
    }
}
