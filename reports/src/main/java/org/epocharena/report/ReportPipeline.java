package org.epocharena.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.epocharena.report.chart.ChartInfo;
import org.epocharena.report.chart.ChartSet;
import org.epocharena.report.csv.ResultsCsvWriter;
import org.epocharena.report.jmh.RunData;
import org.epocharena.report.jmh.RunLoader;
import org.epocharena.report.output.StagedOutput;
import org.epocharena.report.page.HtmlPage;
import org.epocharena.report.page.ReportModel;
import org.epocharena.report.page.SummaryMarkdown;
import org.epocharena.report.stats.BaselineComparison;
import org.epocharena.report.stats.Change;
import org.epocharena.report.verdict.Verdict;

/**
 * The report as a straight line of steps: load -> compare -> verdict -> CSV -> charts -> page and
 * summary -> move into place. All input is read and checked before anything is written.
 */
public final class ReportPipeline {

    /**
     * @param input     run folder, folder of JMH JSON, or one JMH JSON file
     * @param out       where to write (usually the run folder)
     * @param baseline  earlier run folder or JMH JSON, or null
     * @param threshold regression threshold in percent, NaN for none
     */
    public ReportModel run(Path input, Path out, Path baseline, double threshold) throws IOException {
        RunData run = new RunLoader().load(input);
        Map<String, Change> changes = Map.of();
        String baselineName = null;
        if (baseline != null) {
            RunData before = new RunLoader().load(baseline);
            changes = BaselineComparison.compare(run.measurements(), before.measurements());
            baselineName = baseline.toString();
        }
        List<Change> regressions = Double.isNaN(threshold) ? List.of()
                : changes.values().stream().filter(Change::gated).filter(c -> c.regressesBeyond(threshold)).toList();
        Verdict verdict = Verdict.of(run.measurements());
        try (StagedOutput staged = new StagedOutput(out)) {
            new ResultsCsvWriter().write(staged.dir().resolve("results.csv"), run.measurements(), changes);
            List<ChartInfo> charts = new ChartSet().write(run.measurements(), run.curves(), staged.dir().resolve("charts"));
            ReportModel model = new ReportModel(run, verdict, charts, changes, baselineName, regressions, threshold, out);
            Files.writeString(staged.dir().resolve("index.html"), new HtmlPage().render(model), StandardCharsets.UTF_8);
            Files.writeString(staged.dir().resolve("summary.md"), new SummaryMarkdown().render(model), StandardCharsets.UTF_8);
            staged.commit();
            return model;
        }
    }
}
