package org.epocharena.report;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.epocharena.report.page.Figures;
import org.epocharena.report.page.ReportModel;
import org.epocharena.report.stats.FigureChange;
import org.epocharena.report.stats.Gate;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code java -jar reports.jar --run RUN_DIR [--baseline RUN_OR_JSON] [--fail-on-regression PCT]}.
 * Exit codes, which run-bench.sh passes on as its own: 0 ok, 2 bad usage, 5 regression beyond
 * threshold, 6 bad or missing input.
 */
@Command(name = "reports", mixinStandardHelpOptions = true, version = "epocharena reports 0.1",
        description = "Builds results.csv, charts/, index.html and summary.md from a run folder of JMH JSON.",
        footer = {"", "Exit codes: 0 ok, 2 bad usage, 5 regression beyond threshold, 6 bad or missing input."})
public final class ReportCli implements Callable<Integer> {
    static final int OK = 0;
    static final int REGRESSION = 5;
    static final int BAD_INPUT = 6;
    // Anything but bad input (an unwritable output folder, a bug) is exit 6 too, as run-bench.sh expects for
    // "report generation failed"; StagedOutput has already left the previous report in place.
    private static final OneLineErrors ERRORS = new OneLineErrors("reports",
            "Usage: reports --run RUN_DIR|JMH_JSON [--out DIR] [--baseline RUN_DIR|JMH_JSON] "
                    + "[--fail-on-regression PCT [--gate-on HARNESS,...]] (--help for more)",
            ex -> new OneLineErrors.Failure("report generation failed: " + ex + at(ex), BAD_INPUT));

    @Option(names = "--run", required = true, paramLabel = "RUN_DIR|JMH_JSON",
            description = "Run folder (raw/*.json, raw/hdr/*.hlog, raw/held/*.csv, manifest.json, env.json), a folder of JMH JSON, or one JMH JSON file.")
    Path run;

    @Option(names = "--out", paramLabel = "DIR",
            description = "Where to write the report. Default: the run folder; for a JSON file, <file>-report/ beside it.")
    Path out;

    @Option(names = "--baseline", paramLabel = "RUN_DIR|JMH_JSON",
            description = "Earlier run to compare against: every figure then shows its change and whether it is beyond noise.")
    Path referenceRun;

    @Option(names = "--fail-on-regression", paramLabel = "PCT",
            description = "With --baseline: exit 5 when a headline figure worsens by more than PCT percent with its whole "
                    + "Holm-corrected interval past PCT, measured with >= 2 forks on both sides; otherwise the figure is "
                    + "listed as inconclusive and the exit code is 0.")
    Double failOnRegression;

    @Option(names = "--gate-on", paramLabel = "HARNESS,...", split = ",",
            description = "With --fail-on-regression: the gate judges the headline figures of these harnesses only "
                    + "(default: all). A smaller family needs fewer forks to catch a regression; the rest is still shown.")
    java.util.Set<String> gateOn = new java.util.TreeSet<>();

    @Option(names = "--check",
            description = "Only check the options and that --baseline exists (the base of a paired run, RUN_DIR/base, "
                    + "may not exist yet: it is written with the run); read and write nothing. Exit 0, or 2 naming the "
                    + "problem.")
    boolean check;

    @Override
    public Integer call() throws Exception {
        if (!gateOn.isEmpty() && failOnRegression == null) {
            return ERRORS.usage("--gate-on needs --fail-on-regression (there is no gate without it)");
        }
        if (failOnRegression != null && (failOnRegression.isNaN() || failOnRegression < 0 || failOnRegression > 1000)) {
            return ERRORS.usage("--fail-on-regression must be a percentage between 0 and 1000, got " + failOnRegression);
        }
        if (failOnRegression != null && referenceRun == null) {
            return ERRORS.usage("--fail-on-regression needs --baseline (nothing to compare against)");
        }
        if (check) {
            if (referenceRun != null && !Files.exists(referenceRun) && !isPairedBase(referenceRun, run)) {
                return ERRORS.usage("--baseline " + referenceRun + " does not exist");
            }
            return OK;
        }
        Path target = out != null ? out
                : Files.isRegularFile(run) ? run.toAbsolutePath().resolveSibling(stem(run) + "-report") : run;
        try {
            ReportModel model = new ReportPipeline().run(run, target, referenceRun,
                    failOnRegression == null ? Double.NaN : failOnRegression, gateOn);
            PrintWriter o = new PrintWriter(System.out, true);
            o.println("Report: " + target.toAbsolutePath().normalize().resolve("index.html"));
            model.recommendation().forEach(line -> o.println("  " + line));
            model.run().warnings().forEach(w -> o.println("  warning: " + w));
            if (model.referenceName() != null) {
                o.println("  vs baseline: " + model.changes().size() + " figures compared, " + model.changedCount()
                        + " changed beyond noise, " + model.indicativeCount() + " indicative only (one fork: needs more forks)");
            }
            Gate gate = model.gate();
            if (gate != null) {
                for (FigureChange c : gate.inconclusive()) {
                    o.println("  inconclusive: " + Figures.name(c.current()) + " " + Figures.change(c) + ": " + Gate.reason(c));
                }
                o.println("  gate: " + gate.compared().size() + " headline figures"
                        + (gateOn.isEmpty() ? "" : " of " + String.join(",", gateOn)) + ", " + gate.regressions().size()
                        + " regressed by more than " + Figures.num(gate.threshold()) + "% beyond the noise, "
                        + gate.inconclusive().size() + " inconclusive");
                if (!gate.regressions().isEmpty()) {
                    for (FigureChange c : gate.regressions()) {
                        System.err.println("REGRESSION " + Figures.name(c.current()) + ": " + Figures.change(c));
                    }
                    return REGRESSION;
                }
            }
            return OK;
        } catch (BadInputException e) {
            return ERRORS.fail(e.getMessage(), BAD_INPUT);
        }
    }

    /** The base of a paired run: the suite writes it into RUN_DIR/base while it runs. */
    private static boolean isPairedBase(Path reference, Path run) {
        return reference.toAbsolutePath().normalize().equals(run.toAbsolutePath().normalize().resolve("base"));
    }

    private static String stem(Path p) {
        String n = p.getFileName().toString();
        return n.endsWith(".json") ? n.substring(0, n.length() - 5) : n;
    }

    private static String at(Exception ex) {
        StackTraceElement[] at = ex.getStackTrace();
        return at.length > 0 ? " at " + at[0] : "";
    }

    /** Runs the CLI and returns the exit code (tests call this, main exits with it). */
    public static int execute(String... args) {
        System.setProperty("java.awt.headless", "true");
        return ERRORS.execute(new ReportCli(), args);
    }

    public static void main(String[] args) {
        System.exit(execute(args));
    }
}
