package org.epocharena.report.page;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.epocharena.report.chart.ChartInfo;
import org.epocharena.report.stats.FigureChange;
import org.epocharena.runformat.Measurement;

/**
 * index.html: the answer (sentences and scorecard) on the first screen, then charts, tables,
 * environment and raw files, in the order a reviewer asks.
 * Self-contained: inline CSS, relative links only, and a Content-Security-Policy that forbids any
 * network load, so the page works offline and the browser test would catch an external reference.
 */
public final class HtmlPage {
    private static final String CSS = """
            body{font-family:-apple-system,'Segoe UI',Helvetica,Arial,sans-serif;max-width:1340px;margin:0 auto;
            padding:.6em 1em;color:#222;line-height:1.4}
            h1{font-size:1.4em;margin:.2em 0}h2{border-bottom:1px solid #ddd;padding-bottom:.2em;margin-top:1.8em}
            .sub{color:#666;margin-top:0}.verdict{background:#f3f8f3;border-left:5px solid #3a7d44;padding:.6em 1.2em}
            .warn{background:#fff6e0;border-left:5px solid #d89b00;padding:.5em 1.2em}
            .bad{background:#fdecea;border-left:5px solid #c0392b;padding:.5em 1.2em}
            figure{margin:1.5em 0}figure img{max-width:100%;height:auto;border:1px solid #eee}
            figcaption{color:#444;font-size:.95em}
            table{border-collapse:collapse;font-size:.86em;margin:.6em 0 1.2em}
            th,td{border:1px solid #ddd;padding:.25em .55em;text-align:left;vertical-align:top}
            th{background:#f5f5f5}td.n{text-align:right;white-space:nowrap;font-variant-numeric:tabular-nums}
            .noise{color:#777}.beyond{font-weight:600}code{background:#f3f3f3;padding:0 .2em}
            #recommendation{margin:.3em 0 .5em;padding:.25em 1em .25em 1.8em;font-size:.86em;line-height:1.3}
            #recommendation li{margin:.1em 0}
            #scorecard{font-size:.74em;margin:.3em 0;line-height:1.25}#scorecard td,#scorecard th{padding:.15em .35em}
            #scorecard td small{color:#444}#scorecard td.n{white-space:normal}#scorecard th{font-size:.95em}.t-best{background:#cdebd3}.t-tie{background:#e6f4e8}.t-unclear{background:#f2f2f2}
            .t-ahead{background:#d6e6f7}.t-behind{background:#fff1cc}.t-far{background:#f9d3cf}.t-none{color:#999}
            .met{background:#cdebd3}.notmet{background:#f9d3cf}
            figure.panel{display:inline-block;width:32.5%;margin:.5em 0;vertical-align:top}
            figure.panel figcaption{font-size:.8em}
            """;

    public String render(ReportModel r) {
        StringBuilder h = HtmlDocument.open("epocharena benchmark report: " + r.run().folder().getFileName(), CSS);
        Map<String, Object> env = r.run().environment();
        h.append("<h1>Which arena design, for what, by how much</h1>\n<p class=\"sub\">run <code>")
                .append(esc(r.run().folder().getFileName().toString())).append("</code>, profile <b>")
                .append(esc(str(env.get("profile")))).append("</b>, ").append(esc(str(env.get("cpuModel")))).append(", ")
                .append(r.run().cores() > 0 ? r.run().cores() : "unknown").append(" cores, ").append(esc(str(env.get("jvmName"))))
                .append(' ').append(esc(str(env.get("jvmVersion")))).append("; ").append(esc(Verdicts.evidenceLine(r)))
                .append("</p>\n");
        history(h, r);
        verdict(h, r);
        if ("smoke".equals(env.get("profile"))) {
            h.append("<p class=\"warn\">Smoke profile: one short fork proves the pipeline works; its figures are not for decisions.</p>\n");
        }
        if (!r.run().warnings().isEmpty() || !r.run().catalog().notRun().isEmpty()) {
            h.append("<div class=\"warn\"><b>Incomplete or partial input:</b><ul>");
            r.run().catalog().notRun().forEach((i, why) -> h.append("<li>").append(esc(i)).append(" not run: ").append(esc(why)).append("</li>"));
            r.run().warnings().forEach(w -> h.append("<li>").append(esc(w)).append("</li>"));
            h.append("</ul></div>\n");
        }
        comparison(h, r);
        h.append("<h2>Charts</h2>\n");
        if (r.charts().isEmpty()) {
            h.append("<p>No chart: the run has no data for any of them.</p>\n");
        }
        for (ChartInfo c : r.charts()) {
            h.append("<figure id=\"chart-").append(esc(c.id())).append("\"").append(c.panel() ? " class=\"panel\"" : "")
                    .append("><img src=\"charts/").append(esc(c.id()))
                    .append(".png\" width=\"960\" height=\"540\" alt=\"").append(esc(c.title())).append("\">")
                    .append("<figcaption><b>").append(esc(c.title())).append(".</b> ").append(esc(c.caption()))
                    .append(" <a href=\"charts/").append(esc(c.id())).append(".svg\">SVG</a></figcaption></figure>\n");
        }
        if (!r.skippedCharts().isEmpty()) {
            h.append("<ul class=\"sub\">");
            r.skippedCharts().forEach(sk -> h.append("<li>").append(esc(sk)).append("</li>"));
            h.append("</ul>\n");
        }
        tables(h, r);
        environment(h, env);
        h.append("<h2>Raw files</h2>\n<p>The JMH JSON is exactly as JMH wrote it (JMH Visualizer opens it); "
                + "<a href=\"results.csv\">results.csv</a> has one row per figure; <a href=\"summary.md\">summary.md</a> "
                + "is the verdict for a pull request.</p><ul>\n");
        for (var p : r.run().rawFiles()) {
            String rel = r.outDir().toAbsolutePath().normalize().relativize(p.toAbsolutePath().normalize()).toString().replace('\\', '/');
            h.append("<li><a href=\"").append(esc(rel)).append("\">").append(esc(rel)).append("</a></li>\n");
        }
        h.append("</ul>\n<p class=\"sub\">").append(esc(Verdicts.METHOD)).append("</p>\n");
        return HtmlDocument.close(h);
    }

    /** The first screen: the sentences, then the scorecard with the two bounds. */
    private static void verdict(StringBuilder h, ReportModel r) {
        h.append("<ul id=\"recommendation\" class=\"verdict\">\n");
        if (r.recommendation().isEmpty()) {
            h.append("<li>No headline figure was measured for two or more designs, so there is nothing to recommend.</li>\n");
        }
        r.recommendation().forEach(s -> h.append("<li>").append(esc(s)).append("</li>\n"));
        h.append("</ul>\n<table id=\"scorecard\"><tr><th>implementation</th>");
        r.scorecard().columns().forEach(c -> h.append("<th title=\"").append(c.headline().higherBetter() ? "higher" : "lower")
                .append(" is better\">").append(esc(c.title())).append(c.headline().higherBetter() ? " &uarr;" : " &darr;").append("</th>"));
        h.append("<th>bound: allocate p99.99 &le; 100 us at every thread count</th>"
                + "<th>bound: no degradation at 1000+ threads (vs 2)</th></tr>\n");
        r.scorecard().rows().forEach((impl, cells) -> {
            boolean baseline = r.scorecard().isBaseline(impl);
            h.append("<tr><th title=\"").append(esc(r.run().catalog().description(impl))).append("\">").append(esc(impl))
                    .append(baseline ? " <i>(baseline)</i>" : "").append("</th>");
            for (var c : cells) {
                if (c == null) {
                    h.append("<td class=\"t-none\">not measured</td>");
                    continue;
                }
                h.append("<td class=\"n t-").append(c.tone().name().toLowerCase(java.util.Locale.ROOT)).append("\">")
                        .append(esc(Figures.scaled(c.figure().value(), c.figure().unit()))).append("<br><small>")
                        .append(esc(Verdicts.cellNote(c))).append("</small></td>");
            }
            bound(h, r.scorecard().latencyBound().get(impl));
            bound(h, r.scorecard().scalingBound().get(impl));
            h.append("</tr>\n");
        });
        h.append("</table>\n<p class=\"sub\"><small>").append(esc(Verdicts.LEGEND)).append("</small></p>\n");
    }

    private static void bound(StringBuilder h, org.epocharena.report.verdict.Bound b) {
        String cls = b.status() == org.epocharena.report.verdict.Bound.Status.MET ? "met"
                : b.status() == org.epocharena.report.verdict.Bound.Status.NOT_MET ? "notmet" : "t-none";
        h.append("<td class=\"").append(cls).append("\" title=\"").append(esc(b.detail())).append("\">")
                .append(esc(Verdicts.boundText(b))).append("<br><small>").append(esc(b.brief())).append("</small></td>");
    }

    /** Where run-bench.sh keeps the results store's page, relative to a run folder under reports/runs/. */
    static final String HISTORY_PAGE = "../../history/index.html";

    /** A link to the history and machines page, when the results store has written one beside the runs folder. */
    private static void history(StringBuilder h, ReportModel r) {
        if (r.outDir() != null && java.nio.file.Files.isRegularFile(r.outDir().toAbsolutePath().normalize().resolve(HISTORY_PAGE).normalize())) {
            h.append("<p class=\"sub\" id=\"history-link\"><a href=\"").append(HISTORY_PAGE)
                    .append("\">History and machines</a>: every recorded run's figures over commits, and machines side by side.</p>\n");
        }
    }

    /** Against a reference run: counts, the gate's outcome, regressions and inconclusive figures. */
    private static void comparison(StringBuilder h, ReportModel r) {
        if (r.referenceName() == null) {
            return;
        }
        boolean failed = r.gate() != null && !r.gate().regressions().isEmpty();
        h.append("<div id=\"gate\" class=\"").append(failed ? "bad" : "verdict").append("\"><p>");
        for (String line : Verdicts.comparisonLines(r)) {
            h.append(esc(line)).append("<br>");
        }
        h.append("</p></div>\n");
    }

    private static void tables(StringBuilder h, ReportModel r) {
        Map<String, List<Measurement>> byHarness = new TreeMap<>();
        r.run().measurements().forEach(m -> byHarness.computeIfAbsent(m.harness(), k -> new java.util.ArrayList<>()).add(m));
        boolean compare = r.referenceName() != null;
        for (Map.Entry<String, List<Measurement>> e : byHarness.entrySet()) {
            h.append("<h2>Figures: ").append(esc(e.getKey())).append("</h2>\n<table><tr><th>benchmark</th><th>implementation</th>"
                    + "<th>threads</th><th>params</th><th>mode</th><th>metric</th><th>value ± error unit</th>");
            if (compare) {
                h.append("<th>baseline run</th><th>change</th>");
            }
            h.append("</tr>\n");
            for (Measurement m : e.getValue()) {
                if (m.metric().startsWith("gc.") && !m.metric().equals("gc.alloc.rate.norm")) {
                    continue; // the other gc figures are in results.csv; per-op allocation is the one that answers a question
                }
                h.append("<tr><td>").append(esc(m.benchmark())).append("</td><td>").append(esc(m.implementation()))
                        .append(m.baseline() ? " <i>(baseline)</i>" : "").append("</td><td class=\"n\">").append(m.threads())
                        .append("</td><td>").append(esc(m.settingText())).append("</td><td>").append(esc(m.mode()))
                        .append("</td><td>").append(esc(m.metric())).append("</td><td class=\"n\">").append(esc(Figures.withError(m)))
                        .append("</td>");
                if (compare) {
                    FigureChange c = r.changes().get(m.key());
                    h.append("<td class=\"n\">").append(c == null ? "not in baseline" : esc(Figures.withError(c.previous())))
                            .append("</td><td class=\"").append(c != null && c.changed() ? "beyond" : "noise").append("\">")
                            .append(c == null ? "" : esc(Figures.change(c))).append("</td>");
                }
                h.append("</tr>\n");
            }
            h.append("</table>\n");
        }
    }

    private static void environment(StringBuilder h, Map<String, Object> env) {
        h.append("<h2>Environment</h2>\n<table>\n");
        Map<String, Object> ordered = new LinkedHashMap<>();
        for (String k : List.of("cpuModel", "cores", "memoryBytes", "os", "jvmName", "jvmVersion", "jvmPath", "jvmFlags",
                "gitCommit", "profile", "commandLine", "startedAt", "harnesses", "impls", "jmh")) {
            if (env.containsKey(k)) {
                ordered.put(k, env.get(k));
            }
        }
        env.forEach(ordered::putIfAbsent);
        if (ordered.isEmpty()) {
            h.append("<tr><td>no env.json and no JMH environment fields</td></tr>\n");
        }
        ordered.forEach((k, v) -> h.append("<tr><th>").append(esc(k)).append("</th><td>").append(esc(str(v))).append("</td></tr>\n"));
        h.append("</table>\n");
    }

    static String str(Object o) {
        if (o == null) {
            return "unknown";
        }
        if (o instanceof Double d && d == Math.rint(d) && Math.abs(d) < 1e15) {
            return Long.toString(d.longValue());
        }
        if (o instanceof List<?> l) {
            return String.join(" ", l.stream().map(HtmlPage::str).toList());
        }
        return o.toString();
    }

    static String esc(String s) {
        return HtmlDocument.escape(s);
    }
}
