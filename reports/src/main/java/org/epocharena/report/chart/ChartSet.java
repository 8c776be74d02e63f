package org.epocharena.report.chart;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.epocharena.report.jmh.Measurement;
import org.epocharena.report.jmh.PercentileCurve;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.lines.SeriesLines;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Draws the report's charts from the measurements. Each chart is drawn only when the run has data
 * for it, so a narrowed run (one harness) still gets a clean page. Baselines are dashed lines or
 * labelled "(baseline)" so they are never mistaken for a design.
 */
public final class ChartSet {

    /** Writes every chart the data supports into {@code dir}; returns them in page order. */
    public List<ChartInfo> write(List<Measurement> all, List<PercentileCurve> curves, Path dir) throws IOException {
        System.setProperty("java.awt.headless", "true");
        List<ChartInfo> out = new ArrayList<>();
        throughput(all, dir, out);
        latency(all, curves, dir, out);
        oomCost(all, dir, out);
        oomUtilization(all, dir, out);
        reclaim(all, dir, out);
        heap(all, dir, out);
        return out;
    }

    private static String label(Measurement m) {
        String s = m.settingText();
        return m.implementation() + (s.isEmpty() ? "" : " " + s) + (m.baseline() ? " (baseline)" : "");
    }

    private static void throughput(List<Measurement> all, Path dir, List<ChartInfo> out) throws IOException {
        Map<String, TreeMap<Integer, Measurement>> series = new TreeMap<>();
        for (Measurement m : all) {
            if (m.harness().equals("throughput") && m.metric().equals("score") && !Double.isNaN(Units.toOpsPerSecond(m.unit()))) {
                String name = label(m);
                TreeMap<Integer, Measurement> pts = series.computeIfAbsent(name, k -> new TreeMap<>());
                if (pts.containsKey(m.threads())) {
                    // Two benchmarks measured the same design at the same thread count: keep them apart.
                    series.computeIfAbsent(name + " " + m.benchmark(), k -> new TreeMap<>()).put(m.threads(), m);
                } else {
                    pts.put(m.threads(), m);
                }
            }
        }
        if (series.isEmpty()) {
            return;
        }
        double top = series.values().stream().flatMap(t -> t.values().stream())
                .mapToDouble(m -> m.value() * Units.toOpsPerSecond(m.unit())).max().orElse(1);
        RateScale scale = RateScale.of(top);
        XYChart c = ChartStyle.xy("Throughput against threads", "threads (log scale)", "throughput (" + scale.unit() + ")");
        c.getStyler().setXAxisLogarithmic(true);
        c.getStyler().setXAxisLogarithmicDecadeOnly(false);
        List<String> names = new ArrayList<>();
        for (Map.Entry<String, TreeMap<Integer, Measurement>> e : series.entrySet()) {
            Measurement first = e.getValue().firstEntry().getValue();
            double[] x = e.getValue().keySet().stream().mapToDouble(Integer::doubleValue).toArray();
            double[] y = e.getValue().values().stream()
                    .mapToDouble(m -> m.value() * Units.toOpsPerSecond(m.unit()) / scale.divisor()).toArray();
            double[] err = e.getValue().values().stream()
                    .mapToDouble(m -> nz(m.error()) * Units.toOpsPerSecond(m.unit()) / scale.divisor()).toArray();
            XYSeries s = c.addSeries(e.getKey(), x, y, err);
            s.setMarker(first.baseline() ? SeriesMarkers.DIAMOND : SeriesMarkers.CIRCLE);
            if (first.baseline()) {
                s.setLineStyle(SeriesLines.DASH_DASH);
            }
            names.add(e.getKey());
        }
        ChartFiles.save(c, dir, "throughput");
        out.add(new ChartInfo("throughput", "Throughput against threads",
                "Higher is better; each line is a design, dashed lines are baselines; a line that keeps rising "
                        + "with threads scales, a flat or falling one contends; bars are JMH's 99.9% error.", names));
    }

    private static void latency(List<Measurement> all, List<PercentileCurve> curves, Path dir, List<ChartInfo> out)
            throws IOException {
        Set<Integer> threads = new TreeSet<>();
        curves.stream().filter(c -> c.harness().equals("latency")).forEach(c -> threads.add(c.threads()));
        all.stream().filter(m -> m.harness().equals("latency") && m.mode().equals("sample") && m.metric().equals("score"))
                .forEach(m -> threads.add(m.threads()));
        for (int t : threads) {
            XYChart c = ChartStyle.xy("Latency percentile spectrum, " + t + " thread" + (t == 1 ? "" : "s"),
                    "percentile (each step right is ten times rarer)", "latency (µs, log scale)");
            c.getStyler().setYAxisLogarithmic(true);
            c.getStyler().setxAxisTickLabelsFormattingFunction(PercentileAxis::label);
            c.getStyler().setMarkerSize(4);
            Set<String> drawn = new LinkedHashSet<>();
            for (PercentileCurve pc : curves) {
                if (pc.harness().equals("latency") && pc.threads() == t) {
                    List<Double> x = new ArrayList<>();
                    List<Double> y = new ArrayList<>();
                    for (int i = 0; i < pc.percentiles().length; i++) {
                        if (pc.micros()[i] > 0) {
                            x.add(PercentileAxis.nines(pc.percentiles()[i]));
                            y.add(pc.micros()[i]);
                        }
                    }
                    if (!x.isEmpty()) {
                        String name = pc.implementation() + (pc.baseline() ? " (baseline)" : "") + " [HdrHistogram]";
                        XYSeries s = c.addSeries(name, x, y);
                        s.setMarker(SeriesMarkers.NONE);
                        if (pc.baseline()) {
                            s.setLineStyle(SeriesLines.DASH_DASH);
                        }
                        drawn.add(name);
                    }
                }
            }
            Set<String> fromHdr = new LinkedHashSet<>();
            curves.stream().filter(pc -> pc.harness().equals("latency") && pc.threads() == t)
                    .forEach(pc -> fromHdr.add(pc.implementation()));
            Map<String, TreeMap<Double, Double>> jmh = new LinkedHashMap<>();
            for (Measurement m : all) {
                if (m.harness().equals("latency") && m.mode().equals("sample") && m.threads() == t
                        && !fromHdr.contains(m.implementation()) && m.metric().startsWith("p")) {
                    double p = Double.parseDouble(m.metric().substring(1)) / 100;
                    double us = m.value() * Units.toMicros(m.unit());
                    if (p < 1 && us > 0) {
                        jmh.computeIfAbsent(label(m) + " [JMH]", k -> new TreeMap<>()).put(PercentileAxis.nines(p), us);
                    }
                }
            }
            for (Map.Entry<String, TreeMap<Double, Double>> e : jmh.entrySet()) {
                XYSeries s = c.addSeries(e.getKey(), new ArrayList<>(e.getValue().keySet()), new ArrayList<>(e.getValue().values()));
                if (e.getKey().contains("(baseline)")) {
                    s.setLineStyle(SeriesLines.DASH_DASH);
                }
                drawn.add(e.getKey());
            }
            if (drawn.isEmpty()) {
                continue;
            }
            String id = "latency-spectrum-t" + t;
            ChartFiles.save(c, dir, id);
            out.add(new ChartInfo(id, c.getTitle(),
                    "Lower is better; read left to right from the median to the far tail (90%, 99%, 99.9%...): "
                            + "a curve that shoots up on the right has rare but long stalls.", List.copyOf(drawn)));
        }
    }

    private static void oomCost(List<Measurement> all, Path dir, List<ChartInfo> out) throws IOException {
        List<Measurement> pts = all.stream().filter(m -> m.harness().equals("oom") && m.metric().equals("score")
                && (m.mode().equals("avgt") || m.mode().equals("sample")) && !Double.isNaN(Units.toMicros(m.unit()))).toList();
        if (pts.isEmpty()) {
            return;
        }
        bars(pts, dir, out, "oom-failure-cost", "Cost of a failed allocation when the arena is full",
                "operation", "time per operation (ns)", 1e3,
                "Lower is better; each group is one out-of-memory operation (failed tryAllocate, thrown allocate, "
                        + "recovery), each bar a design; whiskers are JMH's 99.9% error.");
    }

    private static void oomUtilization(List<Measurement> all, Path dir, List<ChartInfo> out) throws IOException {
        List<Measurement> pts = all.stream().filter(m -> m.harness().equals("oom")
                && m.metric().matches("(?i).*(util|usable|share).*")).toList();
        if (pts.isEmpty()) {
            return;
        }
        bars(pts, dir, out, "oom-utilization", "Share of capacity usable before the first failure",
                "scenario", pts.get(0).unit().equals("%") ? "usable share of capacity (%)" : pts.get(0).metric() + " (" + pts.get(0).unit() + ")",
                1, "Higher is better; how full each design gets before tryAllocate first fails (fragmentation, "
                        + "per-thread reserves and pinned epochs lower it); whiskers are the 99.9% error.");
    }

    private static void reclaim(List<Measurement> all, Path dir, List<ChartInfo> out) throws IOException {
        List<Measurement> pts = all.stream().filter(m -> m.harness().equals("reclaim") && m.metric().equals("score")
                && !Double.isNaN(Units.toMicros(m.unit()))).toList();
        String axis = pts.stream().flatMap(m -> m.params().keySet().stream())
                .filter(k -> !k.equals("kind") && !k.equals("baseline") && !k.equals("workers"))
                .filter(k -> pts.stream().allMatch(m -> m.params().getOrDefault(k, "x").matches("\\d+")))
                .sorted((a, b) -> Boolean.compare(!a.toLowerCase(Locale.ROOT).contains("live"), !b.toLowerCase(Locale.ROOT).contains("live")))
                .findFirst().orElse(null);
        if (pts.isEmpty() || axis == null) {
            return;
        }
        Map<String, TreeMap<Double, Double>> series = new TreeMap<>();
        for (Measurement m : pts) {
            double x = Double.parseDouble(m.params().get(axis));
            double y = m.value() * Units.toMicros(m.unit());
            if (!(x > 0 && y > 0)) {
                continue; // a log axis has no place for 0 (the figure stays in the tables)
            }
            String name = m.implementation() + (m.threads() == 1 ? "" : " t=" + m.threads()) + (m.baseline() ? " (baseline)" : "");
            series.computeIfAbsent(name, k -> new TreeMap<>()).put(x, y);
        }
        if (series.isEmpty()) {
            return;
        }
        XYChart c = ChartStyle.xy("Reclaim pause against live blocks", axis + " (log scale)", "reclaim() time (µs, log scale)");
        c.getStyler().setXAxisLogarithmic(true);
        c.getStyler().setYAxisLogarithmic(true);
        for (Map.Entry<String, TreeMap<Double, Double>> e : series.entrySet()) {
            c.addSeries(e.getKey(), new ArrayList<>(e.getValue().keySet()), new ArrayList<>(e.getValue().values()));
        }
        ChartFiles.save(c, dir, "reclaim-pause");
        out.add(new ChartInfo("reclaim-pause", c.getTitle(),
                "Lower is better; on log-log axes the slope is the growth order: slope 1 means the pause grows in "
                        + "proportion to live blocks, flat means it does not depend on them (errors in the table).",
                List.copyOf(series.keySet())));
    }

    private static void heap(List<Measurement> all, Path dir, List<ChartInfo> out) throws IOException {
        List<Measurement> norm = all.stream().filter(m -> m.metric().equals("gc.alloc.rate.norm")).toList();
        List<Measurement> garbage = norm.stream().filter(m -> m.harness().equals("garbage")).toList();
        List<Measurement> pts = garbage.isEmpty() ? norm : garbage;
        if (pts.isEmpty()) {
            return;
        }
        CategoryChart c = ChartStyle.bars("Java heap bytes allocated per operation", "design",
                "heap allocation (" + pts.get(0).unit() + ")");
        Map<String, Map<String, double[]>> series = new TreeMap<>();
        List<String> cats = new ArrayList<>();
        for (Measurement m : pts) {
            String cat = m.implementation() + (m.baseline() ? " (baseline)" : "");
            if (!cats.contains(cat)) {
                cats.add(cat);
            }
            String s = (garbage.isEmpty() ? m.harness() + " " : "") + "t=" + m.threads()
                    + (m.settingText().isEmpty() ? "" : " " + m.settingText());
            series.computeIfAbsent(s, k -> new LinkedHashMap<>()).put(cat, new double[] {m.value(), nz(m.error())});
        }
        addBars(c, series, cats);
        ChartFiles.save(c, dir, "heap-bytes-per-op");
        out.add(new ChartInfo("heap-bytes-per-op", c.getTitle(),
                "Lower is better; JMH's -prof gc gc.alloc.rate.norm: bytes of Java heap garbage per operation. "
                        + "An arena should be near 0; the JVM baseline shows what the garbage collector would face.",
                List.copyOf(series.keySet())));
    }

    private static void bars(List<Measurement> pts, Path dir, List<ChartInfo> out, String id, String title,
                             String x, String y, double toNanos, String caption) throws IOException {
        CategoryChart c = ChartStyle.bars(title, x, y);
        Map<String, Map<String, double[]>> series = new TreeMap<>();
        List<String> cats = new ArrayList<>();
        for (Measurement m : pts) {
            String cat = m.benchmark().substring(m.benchmark().indexOf('.') + 1)
                    + (m.settingText().isEmpty() ? "" : " " + m.settingText()) + (m.threads() == 1 ? "" : " t=" + m.threads());
            if (!cats.contains(cat)) {
                cats.add(cat);
            }
            double f = toNanos == 1 ? 1 : Units.toMicros(m.unit()) * toNanos;
            series.computeIfAbsent(label(m), k -> new LinkedHashMap<>()).put(cat, new double[] {m.value() * f, nz(m.error()) * f});
        }
        addBars(c, series, cats);
        ChartFiles.save(c, dir, id);
        out.add(new ChartInfo(id, title, caption, List.copyOf(series.keySet())));
    }

    /** XChart bar series must share the category list; a design missing a category gets no bar (0, no error). */
    private static void addBars(CategoryChart c, Map<String, Map<String, double[]>> series, List<String> cats) {
        for (Map.Entry<String, Map<String, double[]>> e : series.entrySet()) {
            List<Double> v = new ArrayList<>();
            List<Double> err = new ArrayList<>();
            for (String cat : cats) {
                double[] p = e.getValue().get(cat);
                v.add(p == null ? 0 : p[0]);
                err.add(p == null ? 0 : p[1]);
            }
            c.addSeries(e.getKey(), cats, v, err);
        }
    }

    private static double nz(double v) {
        return Double.isNaN(v) ? 0 : v;
    }
}
