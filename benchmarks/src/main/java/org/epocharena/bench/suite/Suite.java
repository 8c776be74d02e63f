package org.epocharena.bench.suite;

import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.epocharena.bench.alloc.Impl;
import org.epocharena.bench.alloc.Impls;
import org.openjdk.jmh.runner.options.Options;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * The profile runner's command line: reads and checks the options, plans the run ({@link Planner},
 * {@link RunSchedule}), prints the plan and its estimate, and hands it to {@link RunExecutor}, which
 * writes the run folder through {@link RunFolderWriter}. Every rule about the options lives here;
 * run-bench.sh passes them on unchecked.
 *
 * <p>Exit codes: 0 ok; 2 bad usage (one-line error and the usage line); 4 a benchmark failed or the
 * run was interrupted (the finished JSON stays; an interrupted run's empty result file is removed).
 *
 * <p>Implementations that cannot run on the benchmark JVM (the java.lang.foreign baselines below
 * JDK 22) are left out of the plan and listed in the run's {@code manifest.json} with the reason.
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
            RunFolderWriter.checkNew(out);
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
        stdout.println("epocharena suite: profile " + profile.name() + (out != null ? " -> " + out : "")
                + (dryRun ? " (dry run)" : ""));
        stdout.println("  harnesses " + String.join(",", chosenHarnesses) + "; impls "
                + String.join(",", runnable.names()) + "; fork JVM " + forkJvm.path() + " (" + forkJvm.version() + ")");
        if (paired) {
            stdout.println("  paired with " + baseJar + (baseOut != null ? " -> " + baseOut : "") + ": every JMH run "
                    + forksPerSide + " times per side with one fork each, base and head alternating in ABBA order");
        }
        RunSchedule schedule = RunSchedule.of(runs, user, raw, baseRaw, jvm, paired ? forksPerSide : 0);
        schedule.planLines().forEach(stdout::println);
        stdout.println("  " + schedule.totalTrials() + " trials in " + (paired ? schedule.steps().size() + " single-fork" : runs.size())
                + " JMH runs, estimated " + Progress.estimate(schedule.totalSeconds()));
        if (paired) {
            stdout.println("  the pairing adds ~" + Progress.estimate(Math.max(0, schedule.totalSeconds() - schedule.aloneSeconds()))
                    + " to the ~" + Progress.estimate(schedule.aloneSeconds()) + " of this plan run alone");
        }
        stdout.flush();
        if (dryRun) {
            stdout.println("dry run: nothing was run or written");
            return OK;
        }
        RunRequest request = new RunRequest(profile, chosenHarnesses, selected, notRun, forkJvm, args);
        return new RunExecutor(stdout, stderr, baseJar).execute(request, runs, schedule,
                new RunFolderWriter(out, baseOut, baseCommit));
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
            RunFolderWriter.checkNew(baseOut);
            if (out != null && baseOut.toAbsolutePath().normalize().equals(out.toAbsolutePath().normalize())) {
                throw new IllegalArgumentException("--pair-out " + baseOut + " is the --out folder; the base needs its own");
            }
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
}
