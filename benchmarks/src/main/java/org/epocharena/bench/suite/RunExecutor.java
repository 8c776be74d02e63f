package org.epocharena.bench.suite;

import java.io.BufferedOutputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.epocharena.runformat.SideFiles;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.format.OutputFormatFactory;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.VerboseMode;

/**
 * Runs a {@link RunSchedule} through JMH's Runner API, one JMH run per step, so that a run that fails
 * or is interrupted keeps every JSON that finished; the price is one JMH start per step. Progress
 * lines go to the console and, with JMH's own output, to {@code raw/console.log}.
 *
 * <p>JMH starts every fork with this JVM's {@code java.class.path}, so a paired run's base steps set
 * it to the base's jar for the duration of the step. A base that cannot run a trial (an
 * implementation the head adds, say) leaves that figure out of the comparison, said loudly; only the
 * head's own failures fail the run. Ctrl-C ends the JVM through a shutdown hook that removes the
 * result file JMH had opened and left empty, and exits {@link Suite#BENCHMARK_FAILED}.
 */
final class RunExecutor {
    private final PrintStream stdout;
    private final PrintStream stderr;
    private final Path baseJar;

    /** @param baseJar the base's benchmarks.jar of a paired run, or null */
    RunExecutor(PrintStream stdout, PrintStream stderr, Path baseJar) {
        this.stdout = stdout;
        this.stderr = stderr;
        this.baseJar = baseJar;
    }

    /** Runs every step into {@code folder}; returns the exit code. */
    int execute(RunRequest request, List<PlannedRun> runs, RunSchedule schedule, RunFolderWriter folder)
            throws IOException {
        boolean paired = schedule.paired();
        Path raw = folder.raw();
        folder.begin(request, RunFolderWriter.runFlags(schedule.steps().get(0).options()));
        // Forks read it from their JVM arguments; a -f 0 run reads it here.
        System.setProperty(PlannedRun.HDR_DIR_PROPERTY, raw.resolve(SideFiles.INTERVAL_LOG_DIR).toAbsolutePath().toString());
        System.setProperty(PlannedRun.HELD_DIR_PROPERTY, raw.resolve(SideFiles.HELD_DIR).toAbsolutePath().toString());
        String headClassPath = System.getProperty("java.class.path");

        long start = System.nanoTime();
        Progress progress = new Progress(stdout, schedule.totalTrials(), schedule.totalSeconds(), start);
        List<String> failures = new ArrayList<>();
        List<String> baseFailures = new ArrayList<>();
        Set<String> finished = new LinkedHashSet<>();
        Map<PairOrder.Side, List<Collection<RunResult>>> forksOfRun = new EnumMap<>(PairOrder.Side.class);
        Path[] inProgress = new Path[1];
        Thread interruptHook = new Thread(() -> {
            RunFolderWriter.dropEmpty(inProgress[0]);
            stderr.println("Suite: interrupted after " + progress.started() + " of " + schedule.totalTrials()
                    + " trials; the finished JMH runs' JSON is in " + raw);
            stderr.flush();
            Runtime.getRuntime().halt(Suite.BENCHMARK_FAILED);
        }, "suite-interrupted");
        Runtime.getRuntime().addShutdownHook(interruptHook);
        try (ConsoleTee tee = new ConsoleTee(new BufferedOutputStream(
                new FileOutputStream(raw.resolve("console.log").toFile(), true)), stdout);
             PrintStream console = new PrintStream(tee, true, StandardCharsets.UTF_8)) {
            List<RunSchedule.Step> steps = schedule.steps();
            for (int i = 0; i < steps.size(); i++) {
                RunSchedule.Step step = steps.get(i);
                PlannedRun run = runs.get(step.run());
                Options o = step.options();
                int trials = run.trials(o);
                String label = paired ? step.side().name().toLowerCase(Locale.ROOT) + " fork " + step.fork() + " of "
                        + run.resultFileName() : run.resultFileName();
                if (paired) {
                    console.println("# " + label);
                }
                progress.beginRun(run.harness(), run.secondsPerTrial(o));
                ProgressFormat format = new ProgressFormat(OutputFormatFactory.createFormatInstance(console,
                        o.verbosity().orElse(VerboseMode.NORMAL)), progress);
                inProgress[0] = step.resultFile();
                System.setProperty("java.class.path", step.side() == PairOrder.Side.BASE
                        ? baseJar.toAbsolutePath().toString() : headClassPath);
                List<String> failed = step.side() == PairOrder.Side.BASE ? baseFailures : failures;
                try {
                    Collection<RunResult> results = new Runner(o, format).run();
                    forksOfRun.computeIfAbsent(step.side(), s -> new ArrayList<>()).add(results);
                    for (RunResult r : results) {
                        String impl = r.getParams().getParam(Planner.IMPL);
                        if (impl != null && step.side() == PairOrder.Side.HEAD) {
                            finished.add(impl);
                        }
                    }
                    if (results.size() < trials) {
                        failed.add(label + ": " + (trials - results.size()) + " of " + trials
                                + " trials failed (see raw/console.log)");
                    }
                    stdout.println("      wrote " + (paired ? step.resultFile() : "raw/" + run.resultFileName())
                            + " (" + results.size() + " of " + trials + " trials)");
                } catch (RunnerException e) {
                    RunFolderWriter.dropEmpty(inProgress[0]);
                    failed.add(label + ": " + e.getMessage());
                    stdout.println("      FAILED " + label + ": " + e.getMessage());
                } finally {
                    System.setProperty("java.class.path", headClassPath);
                }
                inProgress[0] = null;
                if (paired && schedule.lastOfRun(i)) {
                    RunFolderWriter.writeMerged(forksOfRun.get(PairOrder.Side.HEAD), raw.resolve(run.resultFileName()), stdout);
                    RunFolderWriter.writeMerged(forksOfRun.get(PairOrder.Side.BASE), folder.baseRaw().resolve(run.resultFileName()), stdout);
                    forksOfRun.clear();
                }
            }
        } finally {
            Runtime.getRuntime().removeShutdownHook(interruptHook);
        }
        folder.finish(request, finished);
        double elapsed = (System.nanoTime() - start) / 1e9;
        stdout.println("finished " + progress.started() + " of " + schedule.totalTrials() + " trials in "
                + Progress.clock(elapsed) + " (estimated " + Progress.clock(schedule.totalSeconds()) + "); results in " + raw
                + (paired ? " (head) and " + folder.baseRaw() + " (base)" : ""));
        if (!baseFailures.isEmpty()) {
            stderr.println("Suite: warning: the base could not run everything; those figures are not compared: "
                    + String.join("; ", baseFailures));
        }
        if (!failures.isEmpty()) {
            stderr.println("Suite: " + failures.size() + " JMH run(s) failed: " + String.join("; ", failures));
            return Suite.BENCHMARK_FAILED;
        }
        return Suite.OK;
    }
}
