package org.epocharena.bench.suite;

import java.io.BufferedOutputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import org.epocharena.bench.alloc.Impl;
import org.epocharena.bench.alloc.Impls;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.format.OutputFormatFactory;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.VerboseMode;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * The profile runner: runs a profile's harnesses, each as its own JMH run through JMH's Runner API,
 * into a run folder ({@code raw/jmh-<harness>[-<part>].json}, {@code raw/hdr/}, {@code raw/console.log},
 * {@code env.json}); see CONTRACTS.md "Suite runner CLI". One JMH run per harness part means a run
 * that fails or is interrupted keeps every JSON that finished; the price is one JMH start per part.
 *
 * <p>Exit codes: 0 ok; 2 bad usage (one-line error and the usage line); 4 a benchmark failed or the
 * run was interrupted (the finished JSON stays; an interrupted run's empty result file is removed).
 *
 * <p>The run folder also gets {@code manifest.json} (see {@link Manifest}): every implementation with its
 * role and whether it ran, every harness with its headline figures; written before the first JMH run
 * and again at the end. Implementations that cannot run on the benchmark JVM (the java.lang.foreign
 * baselines below JDK 22) are left out of the plan and listed there with the reason.
 *
 * <p>Run: {@code java -cp benchmarks/target/benchmarks.jar org.epocharena.bench.suite.Suite --profile
 * smoke --out /tmp/smoke-run}; {@code --dry-run} prints the plan and the estimate only; {@code --list}
 * prints every implementation and harness. The estimate
 * is the plan's iterations plus the profile's {@code estimate.forkOverhead} per fork: on a loaded
 * machine the real time runs longer, and the progress lines correct "left" by the pace so far.
 */
@Command(name = "Suite", sortOptions = false,
        customSynopsis = Suite.USAGE,
        description = {"Runs the epocharena JMH harnesses of a profile into a run folder.",
                "Profiles (benchmarks/src/main/resources/profiles): smoke ~2 min, quick ~10 min, full 1-2 h on 2 cores."},
        footer = {"Exit codes: 0 ok, 2 bad usage, 4 a benchmark failed or the run was interrupted."})
public final class Suite implements Callable<Integer> {
    public static final int OK = 0;
    public static final int USAGE_ERROR = 2;
    public static final int BENCHMARK_FAILED = 4;
    static final String USAGE = "Usage: java -cp benchmarks/target/benchmarks.jar org.epocharena.bench.suite.Suite"
            + " --profile smoke|quick|full --out RUN_DIR [--impls NAME,NAME,...]"
            + " [--harness latency,throughput,allocation,oom,held,reclaim] [--threads 1,2,16] [--jvm /path/to/java]"
            + " [--dry-run] [-- <extra raw JMH options>] | --list";

    @Option(names = "--profile", paramLabel = "smoke|quick|full", description = "the profile to run")
    String profileName;

    @Option(names = "--list", description = "list every implementation (designs and baselines) and harness, and exit")
    boolean list;

    @Option(names = "--out", paramLabel = "RUN_DIR", description = "the run folder (raw/, env.json); not needed with --dry-run")
    Path out;

    @Option(names = "--impls", paramLabel = "NAMES", description = "designs and baselines by name, see --list (default: all)")
    String impls;

    @Option(names = "--harness", paramLabel = "IDS", description = "harnesses, e.g. latency,oom (default: the profile's)")
    String harnesses;

    @Option(names = "--threads", paramLabel = "COUNTS", description = "replaces the profile's JMH thread and worker counts, e.g. 1,2,16")
    String threads;

    @Option(names = "--jvm", paramLabel = "PATH", description = "the java binary the JMH forks run on (default: this JVM)")
    String jvm;

    @Option(names = "--dry-run", description = "print the plan and the time estimate, run and write nothing")
    boolean dryRun;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "print this help")
    boolean help;

    @Parameters(paramLabel = "JMH_OPTION", description = "after --: raw JMH options, e.g. -- -prof stack -f 2")
    List<String> jmhOptions = new ArrayList<>();

    private final PrintStream stdout;
    private final PrintStream stderr;
    private final String[] args;

    Suite(PrintStream stdout, PrintStream stderr, String[] args) {
        this.stdout = stdout;
        this.stderr = stderr;
        this.args = args.clone();
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /** Parses and runs; returns the exit code (never calls System.exit, so tests can call it). */
    public static int run(String[] args, PrintStream stdout, PrintStream stderr) {
        CommandLine cl = new CommandLine(new Suite(stdout, stderr, args));
        cl.setOut(new PrintWriter(stdout, true));
        cl.setErr(new PrintWriter(stderr, true));
        cl.setParameterExceptionHandler((e, a) -> usageError(stderr, e.getMessage()));
        cl.setExecutionExceptionHandler((e, c, p) -> {
            if (e instanceof IllegalArgumentException) {
                return usageError(stderr, e.getMessage());
            }
            stderr.println("Suite: failed: " + e);
            e.printStackTrace(stderr);
            return BENCHMARK_FAILED;
        });
        return cl.execute(args);
    }

    private static int usageError(PrintStream stderr, String message) {
        stderr.println("Suite: " + message);
        stderr.println(USAGE);
        stderr.flush();
        return USAGE_ERROR;
    }

    @Override
    public Integer call() throws IOException {
        if (list) {
            printList();
            return OK;
        }
        if (profileName == null) {
            throw new IllegalArgumentException("missing --profile smoke|quick|full");
        }
        Profile profile = Profile.load(profileName);
        Selection selected = impls == null ? Selection.all() : Selection.parse(impls);
        List<String> chosenHarnesses = harnesses == null ? profile.harnesses() : parseHarnesses(harnesses);
        List<Integer> threadCounts = threads == null ? null : Profile.parseCounts(threads, "--threads");
        if (jvm != null && !(Files.isRegularFile(Path.of(jvm)) && Files.isExecutable(Path.of(jvm)))) {
            throw new IllegalArgumentException("--jvm " + jvm + ": not an executable file");
        }
        if (out == null && !dryRun) {
            throw new IllegalArgumentException("missing --out RUN_DIR (only --dry-run can do without it)");
        }
        if (out != null) {
            checkRunDir(out);
        }
        Options user = PassThroughOptions.parse(jmhOptions);
        Environment.Jvm forkJvm = jvm != null ? Environment.Jvm.probe(jvm) : Environment.Jvm.current();
        int feature = forkJvm.feature();
        Selection runnable = selected.runnableOn(feature);
        Map<String, String> notRun = selected.notRunnableOn(feature);
        notRun.forEach((name, why) -> stdout.println("  not run: " + name + ": " + why));
        if (runnable.isEmpty()) {
            throw new IllegalArgumentException("none of " + selected.names() + " can run on " + forkJvm.path()
                    + " (" + forkJvm.version() + ")");
        }

        List<PlannedRun> runs = Planner.fromClasspath().plan(profile, chosenHarnesses, runnable, threadCounts);
        if (runs.isEmpty()) {
            throw new IllegalArgumentException("nothing to run: harnesses " + chosenHarnesses
                    + " have no benchmark for implementations " + runnable.names());
        }
        Path raw = (out != null ? out : Path.of("RUN_DIR")).resolve("raw");
        Path hdr = raw.resolve("hdr");
        List<Options> options = new ArrayList<>();
        int totalTrials = 0;
        double totalSeconds = 0;
        stdout.println("epocharena suite: profile " + profile.name() + (out != null ? " -> " + out : "")
                + (dryRun ? " (dry run)" : ""));
        stdout.println("  harnesses " + String.join(",", chosenHarnesses) + "; impls "
                + String.join(",", runnable.names()) + "; fork JVM " + forkJvm.path() + " (" + forkJvm.version() + ")");
        for (int i = 0; i < runs.size(); i++) {
            PlannedRun run = runs.get(i);
            Options o = run.options(user, raw.resolve(run.resultFileName()), hdr, jvm);
            options.add(o);
            int trials = run.trials(o);
            double seconds = trials * run.secondsPerTrial(o);
            totalTrials += trials;
            totalSeconds += seconds;
            stdout.println("  [" + (i + 1) + "] " + run.describe(o) + "; ~" + Progress.estimate(seconds));
        }
        stdout.println("  " + totalTrials + " trials in " + runs.size() + " JMH runs, estimated "
                + Progress.estimate(totalSeconds));
        stdout.flush();
        if (dryRun) {
            stdout.println("dry run: nothing was run or written");
            return OK;
        }
        return execute(profile, runs, options, selected, notRun, forkJvm, chosenHarnesses, raw, hdr, totalTrials,
                totalSeconds);
    }

    private void printList() {
        stdout.println("Implementations (--impls NAME,...; default all):");
        int feature = Runtime.version().feature();
        for (Impl impl : Impls.all()) {
            String role = impl.isBaseline() ? "baseline" : "design";
            String note = impl.unavailableReason(feature).map(r -> " [on this JVM: " + r + "]").orElse("");
            stdout.println(String.format(Locale.ROOT, "  %-16s %-8s  %s%s", impl.name(), role, impl.description(), note));
        }
        stdout.println("Harnesses (--harness ID,...; default the profile's):");
        for (Harness h : Harness.ALL) {
            stdout.println(String.format(Locale.ROOT, "  %-11s %s", h.name(), h.question()));
        }
        stdout.flush();
    }

    private int execute(Profile profile, List<PlannedRun> runs, List<Options> options, Selection selected,
                        Map<String, String> notRun, Environment.Jvm forkJvm, List<String> chosenHarnesses, Path raw,
                        Path hdr, int totalTrials, double totalSeconds)
            throws IOException {
        Files.createDirectories(hdr);
        Files.createDirectories(raw.resolve("held"));
        Manifest.write(out.resolve("manifest.json"), Manifest.of(Impls.all(), selected.names(), notRun, null, chosenHarnesses));
        Set<String> finished = new LinkedHashSet<>();
        List<String> flags = new ArrayList<>(options.get(0).getJvmArgs().orElse(List.of()));
        flags.addAll(options.get(0).getJvmArgsAppend().orElse(List.of()));
        Environment.write(out.resolve("env.json"), forkJvm, flags, profile.name(), chosenHarnesses,
                selected.names(), args);
        // Forks read it from their JVM arguments; a -f 0 run reads it here.
        System.setProperty(PlannedRun.HDR_DIR_PROPERTY, hdr.toAbsolutePath().toString());
        System.setProperty(PlannedRun.HELD_DIR_PROPERTY, raw.resolve("held").toAbsolutePath().toString());

        long start = System.nanoTime();
        Progress progress = new Progress(stdout, totalTrials, totalSeconds, start);
        List<String> failures = new ArrayList<>();
        Path[] inProgress = new Path[1];
        Thread interruptHook = new Thread(() -> {
            dropEmpty(inProgress[0]);
            stderr.println("Suite: interrupted after " + progress.started() + " of " + totalTrials
                    + " trials; the finished JMH runs' JSON is in " + raw);
            stderr.flush();
            Runtime.getRuntime().halt(BENCHMARK_FAILED);
        }, "suite-interrupted");
        Runtime.getRuntime().addShutdownHook(interruptHook);
        try (ConsoleTee tee = new ConsoleTee(new BufferedOutputStream(
                new FileOutputStream(raw.resolve("console.log").toFile(), true)), stdout);
             PrintStream console = new PrintStream(tee, true, StandardCharsets.UTF_8)) {
            for (int i = 0; i < runs.size(); i++) {
                PlannedRun run = runs.get(i);
                Options o = options.get(i);
                int trials = run.trials(o);
                progress.beginRun(run.harness(), run.secondsPerTrial(o));
                ProgressFormat format = new ProgressFormat(OutputFormatFactory.createFormatInstance(console,
                        o.verbosity().orElse(VerboseMode.NORMAL)), progress);
                inProgress[0] = raw.resolve(run.resultFileName());
                try {
                    Collection<RunResult> results = new Runner(o, format).run();
                    for (RunResult r : results) {
                        String impl = r.getParams().getParam(Planner.IMPL);
                        if (impl != null) {
                            finished.add(impl);
                        }
                    }
                    if (results.size() < trials) {
                        failures.add(run.resultFileName() + ": " + (trials - results.size()) + " of " + trials
                                + " trials failed (see raw/console.log)");
                    }
                    stdout.println("      wrote raw/" + run.resultFileName() + " (" + results.size() + " of "
                            + trials + " trials)");
                } catch (RunnerException e) {
                    dropEmpty(inProgress[0]);
                    failures.add(run.resultFileName() + ": " + e.getMessage());
                    stdout.println("      FAILED raw/" + run.resultFileName() + ": " + e.getMessage());
                }
                inProgress[0] = null;
            }
        } finally {
            Runtime.getRuntime().removeShutdownHook(interruptHook);
        }
        Manifest.write(out.resolve("manifest.json"), Manifest.of(Impls.all(), selected.names(), notRun, finished, chosenHarnesses));
        double elapsed = (System.nanoTime() - start) / 1e9;
        stdout.println("finished " + progress.started() + " of " + totalTrials + " trials in "
                + Progress.clock(elapsed) + " (estimated " + Progress.clock(totalSeconds) + "); results in " + raw);
        if (!failures.isEmpty()) {
            stderr.println("Suite: " + failures.size() + " JMH run(s) failed: " + String.join("; ", failures));
            return BENCHMARK_FAILED;
        }
        return OK;
    }

    /**
     * JMH creates its result file when a run starts and fills it at the end: an interrupted run
     * leaves it empty, which is not a JMH result array, so it goes rather than confuse the report.
     */
    private static void dropEmpty(Path resultFile) {
        try {
            if (resultFile != null && Files.isRegularFile(resultFile) && Files.size(resultFile) == 0) {
                Files.delete(resultFile);
            }
        } catch (IOException e) {
            // best effort while the JVM is going down
        }
    }

    private static List<String> parseHarnesses(String csv) {
        List<String> wanted = new ArrayList<>();
        for (String raw : csv.split(",")) {
            String h = raw.trim();
            if (h.isEmpty()) {
                continue;
            }
            if (!Profile.HARNESSES.contains(h)) {
                throw new IllegalArgumentException("unknown harness '" + h + "'; valid: "
                        + String.join(", ", Profile.HARNESSES));
            }
            wanted.add(h);
        }
        if (wanted.isEmpty()) {
            throw new IllegalArgumentException("--harness names no harness; valid: " + String.join(", ", Profile.HARNESSES));
        }
        List<String> ordered = new ArrayList<>(Profile.HARNESSES);
        ordered.retainAll(wanted);
        return ordered;
    }

    /** A run folder must not hold an earlier run's results: mixed JSON or merged hdr logs would mislead. */
    private static void checkRunDir(Path dir) throws IOException {
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new IllegalArgumentException("--out " + dir + ": exists and is not a folder");
        }
        Path raw = dir.resolve("raw");
        if (Files.isDirectory(raw)) {
            try (DirectoryStream<Path> old = Files.newDirectoryStream(raw, "jmh-*.json")) {
                for (Path p : old) {
                    throw new IllegalArgumentException("--out " + dir + ": already holds results (" + p.getFileName()
                            + "); choose a new run folder");
                }
            }
        }
        Path hdr = raw.resolve("hdr");
        if (Files.isDirectory(hdr)) {
            try (DirectoryStream<Path> old = Files.newDirectoryStream(hdr, "*.hlog")) {
                for (Path p : old) {
                    throw new IllegalArgumentException("--out " + dir + ": already holds HdrHistogram logs ("
                            + p.getFileName() + "); choose a new run folder");
                }
            }
        }
    }
}
