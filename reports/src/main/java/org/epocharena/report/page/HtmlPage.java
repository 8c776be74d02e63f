package org.epocharena.report.page;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.epocharena.report.chart.ChartInfo;
import org.epocharena.report.jmh.Measurement;
import org.epocharena.report.stats.Change;
import org.epocharena.report.verdict.Duel;
import org.epocharena.report.verdict.Verdict;

/**
 * index.html: verdict, charts, tables, environment, raw files -- in the order a reviewer asks.
 * Self-contained: inline CSS, relative links only, and a Content-Security-Policy that forbids any
 * network load, so the page works offline and the browser test would catch an external reference.
 */
public final class HtmlPage {
    static final String CSP = "default-src 'none'; img-src 'self' data: file:; style-src 'unsafe-inline'";
    private static final String CSS = """
            body{font-family:-apple-system,'Segoe UI',Helvetica,Arial,sans-serif;max-width:1100px;margin:0 auto;
            padding:1.5em;color:#222;line-height:1.45}
            h1{font-size:1.6em;margin-bottom:.2em}h2{border-bottom:1px solid #ddd;padding-bottom:.2em;margin-top:1.8em}
            .sub{color:#666;margin-top:0}.verdict{background:#f3f8f3;border-left:5px solid #3a7d44;padding:.6em 1.2em}
            .warn{background:#fff6e0;border-left:5px solid #d89b00;padding:.5em 1.2em}
            .bad{background:#fdecea;border-left:5px solid #c0392b;padding:.5em 1.2em}
            figure{margin:1.5em 0}figure img{max-width:100%;height:auto;border:1px solid #eee}
            figcaption{color:#444;font-size:.95em}
            table{border-collapse:collapse;font-size:.86em;margin:.6em 0 1.2em}
            th,td{border:1px solid #ddd;padding:.25em .55em;text-align:left;vertical-align:top}
            th{background:#f5f5f5}td.n{text-align:right;white-space:nowrap;font-variant-numeric:tabular-nums}
            .noise{color:#777}.beyond{font-weight:600}code{background:#f3f3f3;padding:0 .2em}
            """;

    public String render(ReportModel r) {
        StringBuilder h = new StringBuilder(64 * 1024);
        Map<String, Object> env = r.run().environment();
        h.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n")
                .append("<meta http-equiv=\"Content-Security-Policy\" content=\"").append(CSP).append("\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>epocharena benchmark report: ").append(esc(r.run().folder().getFileName().toString()))
                .append("</title>\n<style>").append(CSS).append("</style></head><body>\n");
        h.append("<h1>epocharena benchmark report</h1>\n<p class=\"sub\">run <code>")
                .append(esc(r.run().folder().getFileName().toString())).append("</code>, profile <b>")
                .append(esc(str(env.get("profile")))).append("</b>, ").append(esc(str(env.get("cpuModel")))).append(", ")
                .append(esc(str(env.get("cores")))).append(" cores, ").append(esc(str(env.get("jvmName")))).append(' ')
                .append(esc(str(env.get("jvmVersion")))).append(", started ").append(esc(str(env.get("startedAt"))))
                .append(env.containsKey("jmh") ? "; " + esc(str(env.get("jmh"))) : "").append("</p>\n");
        if ("smoke".equals(env.get("profile"))) {
            h.append("<p class=\"warn\">Smoke profile: one short fork proves the pipeline works; its figures are not for decisions.</p>\n");
        }
        if (!r.run().warnings().isEmpty()) {
            h.append("<div class=\"warn\"><b>Incomplete or partial input:</b><ul>");
            r.run().warnings().forEach(w -> h.append("<li>").append(esc(w)).append("</li>"));
            h.append("</ul></div>\n");
        }
        verdict(h, r);
        h.append("<h2>Charts</h2>\n");
        if (r.charts().isEmpty()) {
            h.append("<p>No chart: the run has no data for any of them.</p>\n");
        }
        for (ChartInfo c : r.charts()) {
            h.append("<figure id=\"chart-").append(esc(c.id())).append("\"><img src=\"charts/").append(esc(c.id()))
                    .append(".png\" width=\"960\" height=\"540\" alt=\"").append(esc(c.title())).append("\">")
                    .append("<figcaption><b>").append(esc(c.title())).append(".</b> ").append(esc(c.caption()))
                    .append(" <a href=\"charts/").append(esc(c.id())).append(".svg\">SVG</a></figcaption></figure>\n");
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
        h.append("</ul>\n<p class=\"sub\">Errors (±) are half-widths of 99.9% confidence intervals as JMH computes them; "
                + "ratio intervals are 95% (Fieller, Welch degrees of freedom); \"beyond noise\" means Welch's t-test "
                + "p &lt; 0.05 on JMH's per-iteration values. HdrHistogram percentiles come from one whole-run histogram and have no error (n/a).</p>\n");
        h.append("</body></html>\n");
        return h.toString();
    }

    private static void verdict(StringBuilder h, ReportModel r) {
        h.append("<h2 id=\"verdict\">Verdict</h2>\n<div class=\"verdict\"><ul>\n");
        Map<String, String> sentences = r.verdict().sentences();
        if (sentences.isEmpty()) {
            h.append("<li>No workload measured two or more arena designs, so there is no winner to name.</li>\n");
        }
        sentences.forEach((harness, s) -> h.append("<li><b>").append(esc(harness)).append(":</b> ").append(esc(s)).append("</li>\n"));
        h.append("</ul></div>\n");
        if (r.baselineName() != null) {
            long beyond = r.changes().values().stream().filter(c -> c.estimate().beyondNoise()).count();
            h.append("<div class=\"").append(r.regressions().isEmpty() ? "verdict" : "bad").append("\"><p>Against baseline <code>")
                    .append(esc(r.baselineName())).append("</code>: ").append(r.changes().size()).append(" figures compared, ")
                    .append(beyond).append(" changed beyond the noise");
            if (!Double.isNaN(r.threshold())) {
                h.append("; ").append(r.regressions().size()).append(" regressed by more than ")
                        .append(Figures.num(r.threshold())).append("% beyond the noise");
            }
            h.append(".</p>");
            if (!r.regressions().isEmpty()) {
                h.append("<ul>");
                for (Change c : r.regressions()) {
                    Measurement m = c.current();
                    h.append("<li>").append(esc(m.harness() + " " + m.benchmark() + " " + m.implementation() + " t=" + m.threads()
                            + " " + m.settingText() + " " + m.metric() + ": " + Figures.withError(c.previous()) + " -> "
                            + Figures.withError(m) + ", " + Figures.change(c))).append("</li>");
                }
                h.append("</ul>");
            }
            h.append("</div>\n");
        }
    }

    private static void tables(StringBuilder h, ReportModel r) {
        h.append("<h2>Winners by workload point</h2>\n");
        h.append("<table><tr><th>harness</th><th>point</th><th>best</th><th>figure</th><th>runner-up</th><th>figure</th><th>best / runner-up</th></tr>\n");
        for (Map.Entry<String, List<Duel>> e : r.verdict().duels().entrySet()) {
            for (Duel d : e.getValue()) {
                h.append("<tr class=\"").append(d.factor().beyondNoise() ? "beyond" : "noise").append("\"><td>")
                        .append(esc(e.getKey())).append("</td><td>").append(esc(d.point())).append("</td><td>")
                        .append(esc(d.winner().implementation())).append("</td><td class=\"n\">").append(esc(Figures.withError(d.winner())))
                        .append("</td><td>").append(esc(d.runnerUp().implementation())).append("</td><td class=\"n\">")
                        .append(esc(Figures.withError(d.runnerUp()))).append("</td><td>").append(esc(Verdict.factor(d)))
                        .append("</td></tr>\n");
            }
        }
        h.append("</table>\n");
        Map<String, List<Measurement>> byHarness = new TreeMap<>();
        r.run().measurements().forEach(m -> byHarness.computeIfAbsent(m.harness(), k -> new java.util.ArrayList<>()).add(m));
        boolean compare = r.baselineName() != null;
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
                    Change c = r.changes().get(m.key());
                    h.append("<td class=\"n\">").append(c == null ? "not in baseline" : esc(Figures.withError(c.previous())))
                            .append("</td><td class=\"").append(c != null && c.estimate().beyondNoise() ? "beyond" : "noise").append("\">")
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
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
