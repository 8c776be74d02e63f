package org.epocharena.report.page;

import java.util.List;
import java.util.Map;
import org.epocharena.report.verdict.Cell;

/** summary.md: the answer (sentences and scorecard) and the comparison, short enough to paste into a pull request. */
public final class SummaryMarkdown {

    public String render(ReportModel r) {
        Map<String, Object> env = r.run().environment();
        StringBuilder s = new StringBuilder();
        s.append("# Which arena design, for what, by how much: ").append(r.run().folder().getFileName()).append("\n\n");
        s.append("Profile `").append(HtmlPage.str(env.get("profile"))).append("`, ").append(HtmlPage.str(env.get("cpuModel")))
                .append(", ").append(r.run().cores()).append(" cores, ").append(HtmlPage.str(env.get("jvmName")))
                .append(' ').append(HtmlPage.str(env.get("jvmVersion"))).append(", commit `").append(HtmlPage.str(env.get("gitCommit")))
                .append("`; ").append(Verdicts.evidenceLine(r)).append(".\n\n## Recommendation\n\n");
        r.recommendation().forEach(line -> s.append("- ").append(line).append('\n'));
        if (r.recommendation().isEmpty()) {
            s.append("- No headline figure was measured for two or more designs.\n");
        }
        s.append("\n## Scorecard\n\n| implementation |");
        r.scorecard().columns().forEach(c -> s.append(' ').append(cell(c.title())).append(c.headline().higherBetter() ? " (higher" : " (lower")
                .append(" is better) |"));
        s.append(" allocate p99.99 <= 100 us | 1024-thread vs 2-thread throughput |\n|---|");
        s.append("---|".repeat(r.scorecard().columns().size() + 2)).append('\n');
        r.scorecard().rows().forEach((impl, cells) -> {
            s.append("| ").append(impl).append(r.scorecard().isBaseline(impl) ? " *(baseline)*" : "").append(" |");
            for (Cell c : cells) {
                s.append(' ').append(c == null ? "not measured" : Figures.scaled(c.figure().value(), c.figure().unit())
                        + ", " + mark(c) + Verdicts.cellNote(c)).append(" |");
            }
            var lat = r.scorecard().latencyBound().get(impl);
            var sca = r.scorecard().scalingBound().get(impl);
            s.append(' ').append(Verdicts.boundText(lat)).append(" (").append(cell(lat.detail())).append(") | ")
                    .append(Verdicts.boundText(sca)).append(" (").append(cell(sca.detail())).append(") |\n");
        });
        s.append('\n').append(Verdicts.LEGEND).append('\n');
        List<String> notes = new java.util.ArrayList<>();
        r.run().catalog().notRun().forEach((i, why) -> notes.add(i + " not run: " + why));
        notes.addAll(r.run().warnings());
        notes.forEach(n -> s.append("\n- warning: ").append(n));
        if (!notes.isEmpty()) {
            s.append('\n');
        }
        if (r.referenceName() != null) {
            s.append("\n## Against the baseline run\n\n");
            Verdicts.comparisonLines(r).forEach(line -> s.append("- ").append(cell(line)).append('\n'));
        }
        s.append('\n').append(Verdicts.METHOD).append(" Charts and every figure: `index.html`; tidy data: `results.csv`.\n");
        return s.toString();
    }

    private static String mark(Cell c) {
        return switch (c.tone()) {
            case BEST, TIE -> "🟩 ";
            case UNCLEAR -> "⬜ ";
            case AHEAD -> "🟦 ";
            case BEHIND -> "🟨 ";
            case FAR -> "🟥 ";
        };
    }

    private static String cell(String s) {
        return s.replace("|", "\\|");
    }
}
