package org.epocharena.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.epocharena.report.chart.ChartSet;
import org.epocharena.report.csv.ResultsCsvWriter;
import org.epocharena.report.jmh.RunData;
import org.epocharena.report.jmh.RunLoader;
import org.epocharena.report.output.StagedOutput;
import org.epocharena.report.page.HtmlPage;
import org.epocharena.report.page.ReportModel;
import org.epocharena.report.page.SummaryMarkdown;
import org.epocharena.report.stats.FigureChange;
import org.epocharena.report.stats.Gate;
import org.epocharena.report.stats.ReferenceComparison;
import org.epocharena.report.verdict.Recommendation;
import org.epocharena.report.verdict.Scorecard;

/**
 * The report as a straight line of steps: load -> compare and gate -> scorecard and sentences -> CSV
 * -> charts -> page and summary -> move into place. All input is read and checked before anything is written.
 */
public final class ReportPipeline {

    /**
     * @param input     run folder, folder of JMH JSON, or one JMH JSON file
     * @param out       where to write (usually the run folder)
     * @param referenceRun earlier run folder or JMH JSON to compare with, or null
     * @param threshold regression threshold in percent, NaN for none
     */
    public ReportModel run(Path input, Path out, Path referenceRun, double threshold) throws IOException {
        return run(input, out, referenceRun, threshold, Set.of());
    }

    /** As above, with the gate on the headline figures of {@code gateOn}'s harnesses only (empty: all). */
    public ReportModel run(Path input, Path out, Path referenceRun, double threshold, Set<String> gateOn) throws IOException {
        RunData run = new RunLoader().load(input);
        Map<String, FigureChange> changes = Map.of();
        String referenceName = null;
        Gate gate = null;
        if (referenceRun != null) {
            RunData before = new RunLoader().load(referenceRun);
            changes = ReferenceComparison.compare(run.measurements(), before.measurements(), run.catalog(), m -> true);
            referenceName = describe(referenceRun, before, input);
            if (!Double.isNaN(threshold)) {
                Set<String> unknown = new java.util.TreeSet<>(gateOn);
                run.measurements().forEach(m -> unknown.remove(m.harness()));
                if (!unknown.isEmpty()) {
                    throw new BadInputException("--gate-on " + String.join(",", unknown) + ": no figure of that harness in "
                            + input + " (it has " + new java.util.TreeSet<>(run.measurements().stream().map(m -> m.harness()).toList()) + ")");
                }
                gate = Gate.of(run.measurements(), before.measurements(), run.catalog(), threshold, gateOn);
            }
        }
        Scorecard scorecard = Scorecard.of(run);
        List<String> sentences = Recommendation.sentences(scorecard);
        try (StagedOutput staged = new StagedOutput(out)) {
            new ResultsCsvWriter().write(staged.dir().resolve("results.csv"), run.measurements(), changes);
            ChartSet.Written charts = new ChartSet().write(run, staged.dir().resolve("charts"));
            ReportModel model = new ReportModel(run, sentences, scorecard, charts.charts(), charts.skipped(), changes,
                    referenceName, gate, out);
            Files.writeString(staged.dir().resolve("index.html"), new HtmlPage().render(model), StandardCharsets.UTF_8);
            Files.writeString(staged.dir().resolve("summary.md"), new SummaryMarkdown().render(model), StandardCharsets.UTF_8);
            staged.commit();
            return model;
        }
    }

    /**
     * The reference run as the page names it: its path and commit, and "paired" when it is the base of a
     * {@code ./run-bench.sh --compare-with} run (the {@code base} folder inside this run's folder).
     */
    static String describe(Path referenceRun, RunData before, Path input) {
        Object commit = before.environment().get("gitCommit");
        String name = referenceRun.toString();
        if (commit instanceof String c && !c.isBlank() && !c.equals("unknown")) {
            name += " (commit " + (c.length() > 12 ? c.substring(0, 12) : c) + ")";
        }
        Path b = referenceRun.toAbsolutePath().normalize();
        if (b.getFileName() != null && b.getFileName().toString().equals("base")
                && b.getParent().equals(input.toAbsolutePath().normalize())) {
            name += ", paired: base and this run alternated fork by fork (ABBA) on this machine";
        }
        return name;
    }
}
