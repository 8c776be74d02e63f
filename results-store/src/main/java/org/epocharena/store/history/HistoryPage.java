package org.epocharena.store.history;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Predicate;
import org.epocharena.report.page.HtmlDocument;
import org.epocharena.runformat.Catalog;
import org.epocharena.runformat.Direction;
import org.epocharena.store.db.StoredFigure;
import org.epocharena.store.db.StoredRun;
import org.epocharena.store.run.Machine;

/**
 * Writes the history page: {@code index.html} and {@code charts/*.png} in one folder, readable offline.
 * It opens with the answer (change points found, machines whose winner differs), then the trends per
 * machine, the machines side by side, and every run with a link to its own report.
 */
public final class HistoryPage {
    /**
     * The default significance level of each change-point search step (before Bonferroni). A page tests
     * every figure of every implementation, so a per-test 0.05 means false alarms on every page
     * (docs/results-store.md has the A/A count), while a real regression of tens of percent over a few
     * iterations has a p-value many orders of magnitude below this.
     */
    public static final double ALPHA = 0.001;
    /** Bar charts for at most this many figures whose winner differs; the table lists them all. */
    static final int MAX_MACHINE_CHARTS = 12;
    private static final String CSS = """
            body{font-family:-apple-system,'Segoe UI',Helvetica,Arial,sans-serif;max-width:1150px;margin:0 auto;
            padding:1.5em;color:#222;line-height:1.45}
            h1{font-size:1.6em;margin-bottom:.2em}h2{border-bottom:1px solid #ddd;padding-bottom:.2em;margin-top:1.8em}
            .sub{color:#666;margin-top:0}.answer{background:#f3f8f3;border-left:5px solid #3a7d44;padding:.6em 1.2em}
            .warn{background:#fff6e0;border-left:5px solid #d89b00;padding:.5em 1.2em}
            figure{margin:1.2em 0}figure img{max-width:100%;height:auto;border:1px solid #eee}
            figcaption{color:#444;font-size:.92em}
            table{border-collapse:collapse;font-size:.84em;margin:.6em 0 1.2em}
            th,td{border:1px solid #ddd;padding:.25em .55em;text-align:left;vertical-align:top}
            th{background:#f5f5f5}td.n{text-align:right;white-space:nowrap;font-variant-numeric:tabular-nums}
            .win{font-weight:600}.differs{background:#fdecea}.tie{color:#777}code{background:#f3f3f3;padding:0 .2em}
            """;

    private HistoryPage() {
    }

    /**
     * Builds the page into {@code out} (created if needed) and returns the model it drew.
     *
     * @param storeName the store's URL without password, named on the page
     */
    public static Summary write(List<StoredRun> runs, List<StoredFigure> figures, Predicate<String> include,
                                String storeName, Path out) throws IOException {
        return write(runs, figures, include, ALPHA, storeName, out);
    }

    /** As {@link #write(List, List, Predicate, String, Path)}, at significance level {@code alpha}. */
    public static Summary write(List<StoredRun> runs, List<StoredFigure> figures, Predicate<String> include, double alpha,
                                String storeName, Path out) throws IOException {
        HistoryModel m = HistoryModel.build(runs, figures, include, alpha);
        Path charts = Files.createDirectories(out.resolve("charts"));
        List<String> impls = new ArrayList<>(new TreeSet<>(figures.stream().map(StoredFigure::impl).toList()));
        for (Trend t : m.trends()) {
            TrendChart.write(t, impls, charts.resolve(t.id() + ".png"));
        }
        List<MachinesView.Row> differ = m.machinesView().differing();
        for (int i = 0; i < Math.min(differ.size(), MAX_MACHINE_CHARTS); i++) {
            MachinesChart.write(differ.get(i), m.machinesView().latest(), impls, charts.resolve("machines-" + (i + 1) + ".png"));
        }
        Files.writeString(out.resolve("index.html"), html(m, storeName, out), StandardCharsets.UTF_8);
        return new Summary(m.runs().size(), m.machines().size(), m.trends().size(), m.changes().size(),
                m.machinesView().differing().size());
    }

    /** What the page shows, in numbers, for the command line. */
    public record Summary(int runs, int machines, int trends, int changePoints, int winnerDiffers) {
    }

    private static String html(HistoryModel m, String storeName, Path out) {
        StringBuilder h = HtmlDocument.open("epocharena results history", CSS);
        long commits = m.runs().stream().map(StoredRun::gitCommit).distinct().count();
        h.append("<h1>epocharena results history</h1>\n<p class=\"sub\">").append(m.runs().size())
                .append(" runs of ").append(commits).append(commits == 1 ? " commit" : " commits").append(" on ")
                .append(m.machines().size()).append(m.machines().size() == 1 ? " machine" : " machines")
                .append(", from the results store <code>").append(esc(storeName)).append("</code>; built ")
                .append(OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS)).append("</p>\n");
        answer(h, m);
        changes(h, m);
        trends(h, m);
        machines(h, m);
        runs(h, m, out);
        method(h, m);
        return HtmlDocument.close(h);
    }

    private static void answer(StringBuilder h, HistoryModel m) {
        h.append("<div class=\"answer\" id=\"answer\"><p>");
        if (m.runs().isEmpty()) {
            h.append("The store holds no run yet: record one with <code>import RUN_DIR</code>.</p></div>\n");
            return;
        }
        if (m.changes().isEmpty()) {
            h.append("No change point: no figure moved beyond its noise and its practical-equivalence floor between commits");
            h.append(m.trends().isEmpty() ? " (no figure has two runs on one machine yet)." : ".");
        } else {
            h.append(m.changes().size()).append(m.changes().size() == 1 ? " change point" : " change points")
                    .append(" beyond the noise and the floor; the newest: ");
            HistoryModel.ChangeRow c = m.changes().get(0);
            h.append("<b>").append(esc(c.impl())).append("</b> ").append(esc(c.trend().key().title())).append(" ")
                    .append(pct(c.change().changePercent())).append(" at commit <code>")
                    .append(esc(c.after().run().shortCommit())).append("</code>.");
        }
        h.append("</p><p>");
        List<MachinesView.Row> differ = m.machinesView().differing();
        if (m.machinesView().latest().size() < 2) {
            h.append("One machine with runs of profile ").append(esc(m.machinesView().profile()))
                    .append(": the machines view needs runs of it from a second one.");
        } else if (differ.isEmpty()) {
            h.append("Across ").append(m.machinesView().latest().size())
                    .append(" machines, no figure has a different clear winner.");
        } else {
            h.append("The winning design differs between machines in ").append(differ.size())
                    .append(differ.size() == 1 ? " figure" : " figures").append(", e.g. ");
            MachinesView.Row r = differ.get(0);
            h.append(esc(r.key().title())).append(": ");
            List<String> parts = new ArrayList<>();
            for (int i = 0; i < r.winners().size(); i++) {
                int machine = i;
                r.winners().get(i).ifPresent(w -> parts.add("<b>" + esc(w.impl()) + "</b> on "
                        + esc(m.machinesView().latest().get(machine).machine().label())));
            }
            h.append(String.join("; ", parts)).append(".");
        }
        h.append("</p></div>\n");
    }

    private static void changes(StringBuilder h, HistoryModel m) {
        h.append("<h2 id=\"changes\">Change points</h2>\n");
        if (m.changes().isEmpty()) {
            h.append("<p>None found.</p>\n");
            return;
        }
        h.append("<table id=\"change-table\"><tr><th>machine</th><th>figure</th><th>implementation</th><th>from commit</th>"
                + "<th>to commit</th><th>before</th><th>after</th><th>change</th><th>p</th><th>tested on</th><th>chart</th></tr>\n");
        for (HistoryModel.ChangeRow c : m.changes()) {
            h.append("<tr><td>").append(esc(c.trend().machine().label())).append("</td><td>")
                    .append(esc(c.trend().key().title())).append("</td><td>").append(esc(c.impl())).append("</td><td><code>")
                    .append(esc(c.before().run().shortCommit())).append("</code></td><td><code>")
                    .append(esc(c.after().run().shortCommit())).append("</code></td><td class=\"n\">")
                    .append(value(c.before())).append("</td><td class=\"n\">").append(value(c.after()))
                    .append("</td><td class=\"n\">").append(pct(c.change().changePercent())).append("</td><td class=\"n\">")
                    .append(String.format(Locale.ROOT, "%.2g", c.change().pValue())).append("</td><td>")
                    .append(c.change().singleRuns() ? "iterations of single runs (optimistic)" : "run means")
                    .append("</td><td><a href=\"#")
                    .append(c.trend().id()).append("\">chart</a></td></tr>\n");
        }
        h.append("</table>\n");
    }

    private static void trends(StringBuilder h, HistoryModel m) {
        h.append("<h2 id=\"trends\">Trends over commits</h2>\n<p>Each chart is one figure on one machine: the machine's "
                + "runs from oldest to newest (labelled with their commit), one line per implementation (dashed: a baseline), "
                + "bars are JMH's 99.9% error, black diamonds mark a change point on the first run after it. "
                + "Percentiles and secondary results each have their own chart.</p>\n");
        if (m.trends().isEmpty()) {
            h.append("<p>No trend yet: every figure has a single run per machine.</p>\n");
        }
        String conditions = null;
        String harness = null;
        for (Trend t : m.trends()) {
            if (!(t.machine().fingerprint() + " " + t.profile()).equals(conditions)) {
                conditions = t.machine().fingerprint() + " " + t.profile();
                harness = null;
                h.append("<h3>").append(esc(t.machine().label())).append(", profile ").append(esc(t.profile()))
                        .append("</h3>\n");
            }
            if (!t.key().harness().equals(harness)) {
                harness = t.key().harness();
                h.append("<h4>").append(esc(harness)).append("</h4>\n");
            }
            h.append("<figure class=\"trend\" id=\"").append(t.id()).append("\"><img src=\"charts/").append(t.id())
                    .append(".png\" width=\"").append(TrendChart.WIDTH).append("\" height=\"").append(TrendChart.HEIGHT)
                    .append("\" alt=\"").append(esc(t.key().title())).append("\"><figcaption>")
                    .append(esc(t.key().title())).append(" (").append(esc(t.key().unit())).append(", ")
                    .append(reading(t.byImpl().values().iterator().next().get(0).direction()))
                    .append("): ");
            List<String> parts = new ArrayList<>();
            t.byImpl().forEach((impl, list) -> {
                StoredFigure last = list.get(list.size() - 1);
                int n = t.changes().getOrDefault(impl, List.of()).size();
                parts.add(esc(impl) + " " + value(last) + (n > 0 ? " (" + n + (n == 1 ? " change point)" : " change points)") : ""));
            });
            h.append("latest ").append(String.join("; ", parts)).append(".</figcaption></figure>\n");
        }
    }

    private static String reading(Direction d) {
        return d == Direction.HIGHER_IS_BETTER ? "higher is better" : d == Direction.LOWER_IS_BETTER ? "lower is better"
                : "no better direction";
    }

    private static void machines(StringBuilder h, HistoryModel m) {
        MachinesView v = m.machinesView();
        h.append("<h2 id=\"machines\">Machines side by side</h2>\n<table id=\"machine-list\"><tr><th>machine</th><th>CPU</th>"
                + "<th>cores</th><th>memory</th><th>OS</th><th>JVM</th><th>flags</th><th>runs</th><th>latest run</th></tr>\n");
        for (Machine mc : m.machines().values()) {
            List<StoredRun> runs = m.runs().stream().filter(r -> r.machine().equals(mc)).toList();
            StoredRun last = runs.get(runs.size() - 1);
            h.append("<tr><td>").append(esc(mc.fingerprint().substring(0, 6))).append("</td><td>").append(esc(mc.cpuModel()))
                    .append("</td><td class=\"n\">").append(mc.cores()).append("</td><td class=\"n\">")
                    .append(String.format(Locale.ROOT, "%.1f GiB", mc.memoryBytes() / (1024.0 * 1024 * 1024)))
                    .append("</td><td>").append(esc(mc.os())).append("</td><td>").append(esc(mc.jvmName() + " " + mc.jvmVersion()))
                    .append("</td><td><code>").append(esc(mc.jvmFlags())).append("</code></td><td class=\"n\">")
                    .append(runs.size()).append("</td><td><code>").append(esc(last.shortCommit())).append("</code> ")
                    .append(esc(last.profile())).append(", ").append(esc(last.startedAt())).append("</td></tr>\n");
        }
        h.append("</table>\n");
        if (v.latest().size() < 2) {
            h.append("<p>Only one machine with runs of profile ").append(esc(v.profile()))
                    .append(": nothing to put side by side yet.</p>\n");
            return;
        }
        h.append("<p>Each machine's latest run of profile <b>").append(esc(v.profile())).append("</b> (the newest run's; "
                + "other profiles are not comparable). In every figure measured on at least two machines, the best arena design "
                + "per machine is in bold (baselines are shown, not crowned); a grey winner is within the errors of the runner-up, "
                + "a tie. Rows in red: the clear winner differs between machines.</p>\n");
        List<MachinesView.Row> differ = v.differing();
        for (int i = 0; i < Math.min(differ.size(), MAX_MACHINE_CHARTS); i++) {
            h.append("<figure class=\"machines\"><img src=\"charts/machines-").append(i + 1).append(".png\" width=\"")
                    .append(MachinesChart.WIDTH).append("\" height=\"").append(MachinesChart.HEIGHT).append("\" alt=\"")
                    .append(esc(differ.get(i).key().title())).append("\"><figcaption>Winner differs: ")
                    .append(esc(differ.get(i).key().title())).append(" (").append(reading(differ.get(i).direction()))
                    .append("): each arena design relative to the machine's winner (1 = the winner), in each machine's latest run; "
                            + "the values are in the table below.</figcaption></figure>\n");
        }
        h.append("<table id=\"machines-table\"><tr><th>figure</th><th>implementation</th>");
        for (StoredRun r : v.latest()) {
            h.append("<th>").append(esc(r.machine().label())).append("<br><code>").append(esc(r.shortCommit()))
                    .append("</code> ").append(esc(r.profile())).append("</th>");
        }
        h.append("</tr>\n");
        for (MachinesView.Row row : v.rows()) {
            TreeSet<String> impls = new TreeSet<>();
            row.perMachine().forEach(c -> impls.addAll(c.keySet()));
            boolean first = true;
            for (String impl : impls) {
                h.append("<tr").append(row.winnerDiffers() ? " class=\"differs\"" : "").append(">");
                if (first) {
                    h.append("<td rowspan=\"").append(impls.size()).append("\">").append(esc(row.key().title()))
                            .append(row.winnerDiffers() ? "<br><b>winner differs</b>" : "").append("</td>");
                    first = false;
                }
                h.append("<td>").append(esc(impl)).append("</td>");
                for (int i = 0; i < row.perMachine().size(); i++) {
                    StoredFigure f = row.perMachine().get(i).get(impl);
                    Optional<MachinesView.Winner> w = row.winners().get(i);
                    String cls = w.isPresent() && w.get().impl().equals(impl) ? (w.get().clear() ? "n win" : "n win tie") : "n";
                    h.append("<td class=\"").append(cls).append("\">").append(f == null ? "&ndash;" : value(f)).append("</td>");
                }
                h.append("</tr>\n");
            }
        }
        h.append("</table>\n");
    }

    private static void runs(StringBuilder h, HistoryModel m, Path out) {
        h.append("<h2 id=\"runs\">Runs</h2>\n<table id=\"run-table\"><tr><th>started</th><th>commit</th><th>profile</th>"
                + "<th>machine</th><th>report</th></tr>\n");
        for (int i = m.runs().size() - 1; i >= 0; i--) {
            StoredRun r = m.runs().get(i);
            h.append("<tr><td>").append(esc(r.startedAt())).append("</td><td><code>").append(esc(r.shortCommit()))
                    .append("</code></td><td>").append(esc(r.profile())).append("</td><td>").append(esc(r.machine().label()))
                    .append("</td><td>").append(reportLink(r, out)).append("</td></tr>\n");
        }
        h.append("</table>\n");
    }

    /** A relative link to the run's own page when it is on this machine, else its path as text. */
    private static String reportLink(StoredRun r, Path out) {
        Path index = Path.of(r.sourcePath()).resolve("index.html");
        if (Files.isRegularFile(index)) {
            String rel = out.toAbsolutePath().normalize().relativize(index).toString().replace('\\', '/');
            return "<a href=\"" + esc(rel) + "\">" + esc(Path.of(r.sourcePath()).getFileName().toString()) + "</a>";
        }
        return "<code>" + esc(r.sourcePath()) + "</code>";
    }

    private static void method(StringBuilder h, HistoryModel m) {
        h.append("<h2 id=\"method\">How change points are found</h2>\n<p><b>Binary segmentation with a t-test.</b> "
                + "For each figure and implementation on one machine and one profile, the runs are in time order. Every "
                + "boundary between two different commits is a candidate; the one with the largest t statistic is tested at "
                + "&alpha; = ").append(m.alpha()).append(" divided by the number of candidates (Bonferroni). The unit of the "
                + "test is the run: Student's t on the runs' means with a pooled variance (Apache Commons Statistics), so a "
                + "change must stand out from the run-to-run noise of the machine, not just from the spread of iterations "
                + "within a run. Only where a segment holds just two runs, one a side, is there no run-to-run noise to "
                + "measure: Welch's t-test on JMH's per-iteration raw data is used and the change is marked as resting on "
                + "single runs (optimistic: iterations share their run's conditions). A significant boundary is a change "
                + "point only when the two sides differ by more than the practical-equivalence floors the report uses (the "
                + "manifest's for a headline figure, else " + (int) (Catalog.DEFAULT_FLOOR_RELATIVE * 100) + "% and the "
                + "timer's resolution for a time); then both sides are "
                + "searched again. Runs of one commit are never split.</p>\n");
    }

    /** "89.6 M ± 6.32 M ops/s": the error in the score's scale, so the two read together. */
    private static String value(StoredFigure f) {
        int scale = scale(f.score());
        String s = num(f.score(), scale);
        return Double.isFinite(f.error()) ? s + " &plusmn; " + num(f.error(), scale) + " " + esc(f.unit()) : s + " " + esc(f.unit());
    }

    /** Three significant digits, with k, M and G from ten thousand up: "9.92 M", "488 k", "5690", "0.0135". */
    static String num(double v) {
        return num(v, scale(v));
    }

    private static final String[] SUFFIX = {"", " k", " M", " G"};

    /** The power of 1000 to show {@code v} in: 0 below ten thousand, then k, M, G. */
    static int scale(double v) {
        double a = Math.abs(v);
        return !Double.isFinite(v) ? 0 : a >= 1e10 ? 3 : a >= 1e7 ? 2 : a >= 1e4 ? 1 : 0;
    }

    static String num(double v, int scale) {
        if (!Double.isFinite(v)) {
            return "n/a";
        }
        double scaled = v / Math.pow(1000, scale);
        double a = Math.abs(scaled);
        if (a != 0 && a < 1e-3) {
            return String.format(Locale.ROOT, "%.2e", scaled) + SUFFIX[scale];
        }
        String digits = a >= 1000 ? String.format(Locale.ROOT, "%.0f", scaled)
                : new java.math.BigDecimal(scaled).round(new java.math.MathContext(3)).stripTrailingZeros().toPlainString();
        return digits + SUFFIX[scale];
    }

    private static String pct(double p) {
        return String.format(Locale.ROOT, "%+.1f%%", p);
    }

    static String esc(String s) {
        return HtmlDocument.escape(s);
    }

}
