package org.epocharena.report.page;

import java.util.List;
import java.util.Map;
import org.epocharena.report.jmh.Measurement;
import org.epocharena.report.stats.Change;
import org.epocharena.report.verdict.Duel;
import org.epocharena.report.verdict.Verdict;

/** summary.md: the verdict and the winners table, short enough to paste into a pull request. */
public final class SummaryMarkdown {

    public String render(ReportModel r) {
        Map<String, Object> env = r.run().environment();
        StringBuilder s = new StringBuilder();
        s.append("# epocharena benchmark: ").append(r.run().folder().getFileName()).append("\n\n");
        s.append("Profile `").append(HtmlPage.str(env.get("profile"))).append("`, ").append(HtmlPage.str(env.get("cpuModel")))
                .append(", ").append(HtmlPage.str(env.get("cores"))).append(" cores, ").append(HtmlPage.str(env.get("jvmName")))
                .append(' ').append(HtmlPage.str(env.get("jvmVersion"))).append(", commit `").append(HtmlPage.str(env.get("gitCommit")))
                .append("`.\n\n## Verdict\n\n");
        r.verdict().sentences().forEach((h, v) -> s.append("- **").append(h).append("**: ").append(v).append('\n'));
        if (r.verdict().sentences().isEmpty()) {
            s.append("- No workload measured two or more arena designs.\n");
        }
        r.run().warnings().forEach(w -> s.append("- warning: ").append(w).append('\n'));
        if (r.baselineName() != null) {
            s.append("\n## Against baseline `").append(r.baselineName()).append("`\n\n");
            long beyond = r.changes().values().stream().filter(c -> c.estimate().beyondNoise()).count();
            s.append(r.changes().size()).append(" figures compared, ").append(beyond).append(" changed beyond the noise");
            if (!Double.isNaN(r.threshold())) {
                s.append(", ").append(r.regressions().size()).append(" regressed by more than ")
                        .append(Figures.num(r.threshold())).append("% beyond the noise");
            }
            s.append(".\n");
            if (!r.regressions().isEmpty()) {
                s.append("\n| figure | baseline | now | change |\n|---|---|---|---|\n");
                for (Change c : r.regressions()) {
                    Measurement m = c.current();
                    s.append("| ").append(cell(m.harness() + " " + m.benchmark() + " " + m.implementation() + " t=" + m.threads() + " "
                            + m.settingText() + " " + m.metric())).append(" | ").append(Figures.withError(c.previous())).append(" | ")
                            .append(Figures.withError(m)).append(" | ").append(Figures.change(c)).append(" |\n");
                }
            }
        }
        s.append("\n## Winners by workload point\n\n| harness | point | best | runner-up | best / runner-up |\n|---|---|---|---|---|\n");
        for (Map.Entry<String, List<Duel>> e : r.verdict().duels().entrySet()) {
            for (Duel d : e.getValue()) {
                s.append("| ").append(e.getKey()).append(" | ").append(cell(d.point())).append(" | ").append(d.winner().implementation())
                        .append(": ").append(Figures.withError(d.winner())).append(" | ").append(d.runnerUp().implementation())
                        .append(": ").append(Figures.withError(d.runnerUp())).append(" | ").append(cell(Verdict.factor(d))).append(" |\n");
            }
        }
        s.append("\nErrors are JMH's 99.9% half-widths; ratio intervals 95% (Fieller); \"within noise\" means Welch's t-test p >= 0.05 on JMH's per-iteration values. "
                + "Charts and every figure: `index.html`; tidy data: `results.csv`.\n");
        return s.toString();
    }

    private static String cell(String s) {
        return s.replace("|", "\\|");
    }
}
