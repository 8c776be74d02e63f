package org.epocharena.report.page;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.epocharena.report.chart.ChartInfo;
import org.epocharena.report.jmh.RunData;
import org.epocharena.report.stats.FigureChange;
import org.epocharena.report.stats.Gate;
import org.epocharena.report.verdict.Scorecard;

/**
 * What the page and the summary are rendered from; both render the same facts, in HTML or Markdown.
 *
 * @param run            this run
 * @param recommendation the answer in sentences
 * @param scorecard      the answer in a table
 * @param charts         charts written
 * @param skippedCharts  charts not drawn, with why (e.g. every bar equal within the floor)
 * @param changes        every figure against the reference run (one Holm family), empty without one
 * @param referenceName  what the reference run was (path), null without one
 * @param gate           the regression gate, null without --fail-on-regression
 * @param outDir         where the page is written (links to raw files are relative to it)
 */
public record ReportModel(RunData run, List<String> recommendation, Scorecard scorecard, List<ChartInfo> charts,
                          List<String> skippedCharts, Map<String, FigureChange> changes, String referenceName, Gate gate,
                          Path outDir) {

    /** Figures changed beyond the noise (fork-level, corrected, past the floor). */
    public long changedCount() {
        return changes.values().stream().filter(FigureChange::changed).count();
    }

    /** Figures that look changed on iterations of one fork only: need more forks to say. */
    public long indicativeCount() {
        return changes.values().stream().filter(FigureChange::indicative).count();
    }
}
