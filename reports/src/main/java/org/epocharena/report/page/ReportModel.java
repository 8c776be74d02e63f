package org.epocharena.report.page;

import java.util.List;
import java.util.Map;
import org.epocharena.report.chart.ChartInfo;
import org.epocharena.report.jmh.RunData;
import org.epocharena.report.stats.Change;
import org.epocharena.report.verdict.Verdict;

/**
 * What the page and the summary are rendered from; both render the same facts, in HTML or Markdown.
 *
 * @param run          this run
 * @param verdict      the winners
 * @param charts       charts written
 * @param changes      figures against the baseline run, empty without one
 * @param baselineName what the baseline was (path), null without one
 * @param regressions  gated figures that regressed beyond the threshold and the noise
 * @param threshold    --fail-on-regression percent, NaN when not set
 * @param outDir       where the page is written (links to raw files are relative to it)
 */
public record ReportModel(RunData run, Verdict verdict, List<ChartInfo> charts, Map<String, Change> changes,
                          String baselineName, List<Change> regressions, double threshold,
                          java.nio.file.Path outDir) {
}
