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
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import org.epocharena.bench.alloc.Impl;
import org.epocharena.bench.alloc.Impls;
import org.epocharena.runformat.SideFiles;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.format.OutputFormatFactory;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.VerboseMode;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * The profile runner: runs a profile's harnesses, each as its own JMH run through JMH's Runner API,
 * into a run folder ({@code raw/jmh-<harness>[-<part>].json}, {@code raw/hdr/}, {@code raw/console.log},
 * {@code env.json}). One JMH run per harness part means a run
 * that fails or is interrupted keeps every JSON that finished; the price is one JMH start per part.
 *
 * <p>Exit codes: 0 ok; 2 bad usage (one-line error and the usage line); 4 a benchmark failed or the
 * run was interrupted (the finished JSON stays; an interrupted run's empty result file is removed).
 *
 * <p>The run folder also gets {@code manifest.json} (see {@link ManifestContents}): every implementation with its
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
        description = {"Runs the epocharena JMH harnesses of a profile into a run folder.",
                "Profiles (benchmarks/src/main/resources/profiles): smoke ~2 min, quick ~10 min, full 1-2 h on 2 cores."},
        footer = {"Exit codes: 0 ok, 2 bad usage, 4 a benchmark failed or the run was interrupted."})
public final class Suite implements Callable<Integer> {
    public static final int OK = 0;
    public static final int USAGE_ERROR = 2;
    public static final int BENCHMARK_FAILED = 4;
    static final String USAGE = "Usage: java -cp benchmarks/target/benchmarks.jar org.epocharena.bench.suite.Suite"
            + " --profile smoke|quick|full --out RUN_DIR [--impls NAME,NAME,...]"
            + " [--harness " + String.join(",", HarnessRegistry.ids()) + "] [--threads 1,2,16] [--jvm /path/to/java]"
            + " [--pair-with BASE_JAR --pair-out BASE_RUN_DIR [--pair-forks N] [--pair-commit SHA]]"
            + " [--dry-run] [-- <extra raw JMH options>] | --list";
    /** Forks per side of a paired run when neither --pair-forks nor the profile gives one. */
    static final int DEFAULT_PAIR_FORKS = 4;
    static final int MAX_PAIR_FORKS = 100;

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

    @Option(names = "--pair-with", paramLabel = "BASE_JAR",
            description = "paired run: also run the same plan from this benchmarks.jar (the base), fork by fork in ABBA order")
    Path baseJar;

    @Option(names = "--pair-out", paramLabel = "BASE_RUN_DIR", description = "with --pair-with: the base's run folder")
    Path baseOut;

    @Option(names = "--pair-forks", paramLabel = "N",
            description = "with --pair-with: single-fork JMH runs per side and planned run (default: the profile's "
                    + Profile.PAIR_FORKS + ", else " + DEFAULT_PAIR_FORKS + ")")
    Integer pairForks;

    @Option(names = "--pair-commit", paramLabel = "SHA", description = "with --pair-with: the base's git commit, for its env.json")
    String baseCommit;

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
        cl.getCommandSpec().usageMessage().customSynopsis(USAGE);
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
        boolean paired = baseJar != null;
        int forksPerSide = pairForks != null ? pairForks
                : profile.pairForks() != null ? profile.pairForks() : DEFAULT_PAIR_FORKS;
        if (!paired && (baseOut != null || pairForks != null || baseCommit != null)) {
            throw new IllegalArgumentException("--pair-out, --pair-forks and --pair-commit need --pair-with BASE_JAR");
        }
        if (paired) {
            checkPairing(user, forksPerSide);
        }
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
        Path baseRaw = (baseOut != null ? baseOut : Path.of("BASE_RUN_DIR")).resolve("raw");
        List<Step> steps = new ArrayList<>();
        int totalTrials = 0;
        double totalSeconds = 0;
        double aloneSeconds = 0;
        stdout.println("epocharena suite: profile " + profile.name() + (out != null ? " -> " + out : "")
                + (dryRun ? " (dry run)" : ""));
        stdout.println("  harnesses " + String.join(",", chosenHarnesses) + "; impls "
                + String.join(",", runnable.names()) + "; fork JVM " + forkJvm.path() + " (" + forkJvm.version() + ")");
        if (paired) {
            stdout.println("  paired with " + baseJar + (baseOut != null ? " -> " + baseOut : "") + ": every JMH run "
                    + forksPerSide + " times per side with one fork each, base and head alternating in ABBA order");
        }
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
                stdout.println("  [" + (i + 1) + "] " + run.describe(o) + "; ~" + Progress.estimate(alone));
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
            stdout.println("  [" + (i + 1) + "] " + run.describe(oneFork) + "\n      paired: 2 sides x " + forksPerSide
                    + " single-fork runs; ~" + Progress.estimate(pairedSeconds) + " (alone ~" + Progress.estimate(alone) + ")");
        }
        stdout.println("  " + totalTrials + " trials in " + (paired ? steps.size() + " single-fork" : runs.size())
                + " JMH runs, estimated " + Progress.estimate(totalSeconds));
        if (paired) {
            stdout.println("  the pairing adds ~" + Progress.estimate(Math.max(0, totalSeconds - aloneSeconds))
                    + " to the ~" + Progress.estimate(aloneSeconds) + " of this plan run alone");
        }
        stdout.flush();
        if (dryRun) {
            stdout.println("dry run: nothing was run or written");
            return OK;
        }
        return execute(profile, runs, steps, selected, notRun, forkJvm, chosenHarnesses, raw, baseRaw, totalTrials,
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
        for (HarnessRegistry.Entry h : HarnessRegistry.ALL) {
            stdout.println(String.format(Locale.ROOT, "  %-11s %s", h.id(), h.question()));
        }
        stdout.flush();
    }

    /** One JMH run to execute: the whole planned run, or one fork of one side of a paired run. */
    private record Step(int run, PairOrder.Side side, int fork, Options options, Path resultFile) {
    }

    private void checkPairing(Options user, int forksPerSide) throws IOException {
        if (!dryRun && !Files.isRegularFile(baseJar)) { // a dry run plans the pairing before the base is built
            throw new IllegalArgumentException("--pair-with " + baseJar + ": not a file (the base's benchmarks.jar)");
        }
        if (forksPerSide < 2 || forksPerSide > MAX_PAIR_FORKS) {
            throw new IllegalArgumentException("--pair-forks must be between 2 and " + MAX_PAIR_FORKS
                    + " (fork-level statistics need two forks per side), was " + forksPerSide);
        }
        if (user.getForkCount().hasValue()) {
            throw new IllegalArgumentException("-f " + user.getForkCount().get()
                    + " with --pair-with: a paired run's forks per side are --pair-forks N");
        }
        if (baseOut == null && !dryRun) {
            throw new IllegalArgumentException("--pair-with needs --pair-out BASE_RUN_DIR (the base's run folder)");
        }
        if (baseOut != null) {
            checkRunDir(baseOut);
            if (out != null && baseOut.toAbsolutePath().normalize().equals(out.toAbsolutePath().normalize())) {
                throw new IllegalArgumentException("--pair-out " + baseOut + " is the --out folder; the base needs its own");
            }
        }
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

    private int execute(Profile profile, List<PlannedRun> runs, List<Step> steps, Selection selected,
                        Map<String, String> notRun, Environment.Jvm forkJvm, List<String> chosenHarnesses, Path raw,
                        Path baseRaw, int totalTrials, double totalSeconds)
            throws IOException {
        boolean paired = baseJar != null;
        Path hdr = raw.resolve(SideFiles.INTERVAL_LOG_DIR);
        Files.createDirectories(hdr);
        Files.createDirectories(raw.resolve(SideFiles.HELD_DIR));
        ManifestContents.of(Impls.all(), selected.names(), notRun, null, chosenHarnesses).write(out.resolve("manifest.json"));
        List<String> flags = runFlags(steps.get(0).options());
        Environment.write(out.resolve("env.json"), forkJvm, flags, profile.name(), chosenHarnesses,
                selected.names(), args, Environment.gitCommit());
        if (paired) {
            Files.createDirectories(raw.resolve("forks"));
            Files.createDirectories(baseRaw.resolve(SideFiles.INTERVAL_LOG_DIR));
            Files.createDirectories(baseRaw.resolve(SideFiles.HELD_DIR));
            Files.createDirectories(baseRaw.resolve("forks"));
            ManifestContents.of(Impls.all(), selected.names(), notRun, null, chosenHarnesses).write(baseOut.resolve("manifest.json"));
            Environment.write(baseOut.resolve("env.json"), forkJvm, flags, profile.name(), chosenHarnesses,
                    selected.names(), args, baseCommit == null || baseCommit.isBlank() ? "unknown" : baseCommit.trim());
        }
        // Forks read it from their JVM arguments; a -f 0 run reads it here.
        System.setProperty(PlannedRun.HDR_DIR_PROPERTY, hdr.toAbsolutePath().toString());
        System.setProperty(PlannedRun.HELD_DIR_PROPERTY, raw.resolve(SideFiles.HELD_DIR).toAbsolutePath().toString());
        String headClassPath = System.getProperty("java.class.path");

        long start = System.nanoTime();
        Progress progress = new Progress(stdout, totalTrials, totalSeconds, start);
        List<String> failures = new ArrayList<>();
        // A base that cannot run a trial (e.g. an implementation the head adds) leaves that figure out of the
        // comparison, said loudly; only the head's own failures fail the run.
        List<String> baseFailures = new ArrayList<>();
        Set<String> finished = new LinkedHashSet<>();
        Map<PairOrder.Side, List<Collection<RunResult>>> forksOfRun = new EnumMap<>(PairOrder.Side.class);
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
            for (int i = 0; i < steps.size(); i++) {
                Step step = steps.get(i);
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
                // JMH starts every fork with this JVM's java.class.path: the base's forks get the base's jar.
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
                    dropEmpty(inProgress[0]);
                    failed.add(label + ": " + e.getMessage());
                    stdout.println("      FAILED " + label + ": " + e.getMessage());
                } finally {
                    System.setProperty("java.class.path", headClassPath);
                }
                inProgress[0] = null;
                boolean lastOfRun = i + 1 == steps.size() || steps.get(i + 1).run() != step.run();
                if (paired && lastOfRun) {
                    writeMerged(forksOfRun.get(PairOrder.Side.HEAD), raw.resolve(run.resultFileName()));
                    writeMerged(forksOfRun.get(PairOrder.Side.BASE), baseRaw.resolve(run.resultFileName()));
                    forksOfRun.clear();
                }
            }
        } finally {
            Runtime.getRuntime().removeShutdownHook(interruptHook);
        }
        ManifestContents.of(Impls.all(), selected.names(), notRun, finished, chosenHarnesses).write(out.resolve("manifest.json"));
        if (paired) {
            ManifestContents.of(Impls.all(), selected.names(), notRun, finished, chosenHarnesses).write(baseOut.resolve("manifest.json"));
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        stdout.println("finished " + progress.started() + " of " + totalTrials + " trials in "
                + Progress.clock(elapsed) + " (estimated " + Progress.clock(totalSeconds) + "); results in " + raw
                + (paired ? " (head) and " + baseRaw + " (base)" : ""));
        if (!baseFailures.isEmpty()) {
            stderr.println("Suite: warning: the base could not run everything; those figures are not compared: "
                    + String.join("; ", baseFailures));
        }
        if (!failures.isEmpty()) {
            stderr.println("Suite: " + failures.size() + " JMH run(s) failed: " + String.join("; ", failures));
            return BENCHMARK_FAILED;
        }
        return OK;
    }

    /** The forks' JVM flags for env.json, without the run's own output folders (they name a path, not a setting). */
    static List<String> runFlags(Options options) {
        List<String> flags = new ArrayList<>(options.getJvmArgs().orElse(List.of()));
        flags.addAll(options.getJvmArgsAppend().orElse(List.of()));
        flags.removeIf(f -> f.startsWith("-D" + PlannedRun.HDR_DIR_PROPERTY + "=")
                || f.startsWith("-D" + PlannedRun.HELD_DIR_PROPERTY + "="));
        return flags;
    }

    /** One side's forks of one planned run as one JMH JSON; nothing when none of its forks produced a result. */
    private void writeMerged(List<Collection<RunResult>> forks, Path file) throws IOException {
        if (forks == null) {
            return;
        }
        List<RunResult> merged = ForkMerge.merge(forks);
        if (!merged.isEmpty()) {
            ForkMerge.write(merged, file);
            stdout.println("      merged " + forks.size() + " forks into " + file);
        }
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
            wanted.add(HarnessRegistry.named(h).id());
        }
        if (wanted.isEmpty()) {
            throw new IllegalArgumentException("--harness names no harness; valid: " + String.join(", ", HarnessRegistry.ids()));
        }
        List<String> ordered = new ArrayList<>(HarnessRegistry.ids());
        ordered.retainAll(wanted);
        return ordered;
    }

    /**
     * A run folder must be new or empty: an earlier run's JSON or interval logs would mix into this run's,
     * and the report written into it afterwards would overwrite whatever else it holds.
     */
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
        Path hdr = raw.resolve(SideFiles.INTERVAL_LOG_DIR);
        if (Files.isDirectory(hdr)) {
            try (DirectoryStream<Path> old = Files.newDirectoryStream(hdr, "*" + SideFiles.INTERVAL_LOG_SUFFIX)) {
                for (Path p : old) {
                    throw new IllegalArgumentException("--out " + dir + ": already holds HdrHistogram logs ("
                            + p.getFileName() + "); choose a new run folder");
                }
            }
        }
        if (Files.isDirectory(dir)) {
            try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
                for (Path p : entries) {
                    throw new IllegalArgumentException("--out " + dir + " already holds files (" + p.getFileName()
                            + "); choose a new folder so nothing is overwritten");
                }
            }
        }
    }
}
