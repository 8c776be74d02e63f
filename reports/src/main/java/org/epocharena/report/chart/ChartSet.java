package org.epocharena.report.chart;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;
import org.epocharena.report.jmh.Measurement;
import org.epocharena.report.jmh.PercentileCurve;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.lines.SeriesLines;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Draws the report's charts from the measurements. Each chart is drawn only when the run has data
 * for it, so a narrowed or interrupted run still gets a clean page. Baselines are dashed lines or
 * labelled "(baseline)" so they are never mistaken for a design. Drawing and saving are separate
 * steps so tests can check what was drawn (series names) without decoding images.
 *
 * <p>Axes that span decades (latency, reclaim, out-of-memory cost) are logarithmic and carry no
 * error bars: a 99.9% interval of three iterations often reaches below zero, which a log axis cannot
 * show; the tables carry the errors. Linear axes start at 0 and stop a little above the largest
 * value, so one huge error bar is cut at the edge instead of squashing every line to the floor.
 */
public final class ChartSet {

    /** A chart ready to encode, with what the page says about it. */
    public record Drawn(ChartInfo info, org.knowm.xchart.internal.chartpart.Chart<?, ?> chart) {
    }

    /** Draws and writes every chart the data supports into {@code dir}; returns them in page order. */
    public List<ChartInfo> write(List<Measurement> all, List<PercentileCurve> curves, Path dir) throws IOException {
        List<ChartInfo> out = new ArrayList<>();
        for (Drawn d : draw(all, curves)) {
            ChartFiles.save(d.chart(), dir, d.info().id());
            out.add(d.info());
        }
        return out;
    }

    /** Every chart the data supports, in page order, not yet encoded. */
    public List<Drawn> draw(List<Measurement> all, List<PercentileCurve> curves) {
        System.setProperty("java.awt.headless", "true");
        List<Drawn> out = new ArrayList<>();
        throughput(all, out);
        latency(all, curves, out);
        oomCost(all, out);
        oomUtilization(all, out);
        reclaim(all, out);
        heap(all, out);
        return out;
    }

    private static void throughput(List<Measurement> all, List<Drawn> out) {
        List<Measurement> pts = select(all, m -> m.harness().equals("throughput") && m.metric().equals("score")
                && !Double.isNaN(Units.toOpsPerSecond(m.unit())));
        if (pts.isEmpty()) {
            return;
        }
        Set<String> keys = Settings.varying(pts);
        boolean classes = pts.stream().filter(m -> !m.baseline()).map(ChartSet::benchClass).distinct().count() > 1;
        Map<String, TreeMap<Integer, Measurement>> series = new TreeMap<>();
        for (Measurement m : pts) {
            String name = m.implementation() + (classes ? " " + benchClass(m) : "") + Settings.text(m, keys)
                    + (m.baseline() ? " (baseline)" : "");
            series.computeIfAbsent(name, k -> new TreeMap<>()).putIfAbsent(m.threads(), m);
        }
        double top = pts.stream().mapToDouble(m -> m.value() * Units.toOpsPerSecond(m.unit())).max().orElse(1);
        RateScale scale = RateScale.of(top);
        XYChart c = ChartStyle.xy("Throughput against threads", "threads (log scale)", "throughput (" + scale.unit() + ")");
        c.getStyler().setXAxisLogarithmic(true);
        c.getStyler().setXAxisLogarithmicDecadeOnly(true);
        double maxY = 0;
        double maxTop = 0;
        for (Map.Entry<String, TreeMap<Integer, Measurement>> e : series.entrySet()) {
            double[] x = e.getValue().keySet().stream().mapToDouble(Integer::doubleValue).toArray();
            double[] y = e.getValue().values().stream()
                    .mapToDouble(m -> m.value() * Units.toOpsPerSecond(m.unit()) / scale.divisor()).toArray();
            double[] err = e.getValue().values().stream()
                    .mapToDouble(m -> nz(m.error()) * Units.toOpsPerSecond(m.unit()) / scale.divisor()).toArray();
            for (int i = 0; i < y.length; i++) {
                maxY = Math.max(maxY, y[i]);
                maxTop = Math.max(maxTop, y[i] + err[i]);
            }
            XYSeries s = c.addSeries(e.getKey(), x, y, err);
            boolean baseline = e.getValue().firstEntry().getValue().baseline();
            s.setMarker(baseline ? SeriesMarkers.DIAMOND : SeriesMarkers.CIRCLE);
            if (baseline) {
                s.setLineStyle(SeriesLines.DASH_DASH);
            }
        }
        linearRange(c.getStyler(), maxY, maxTop);
        out.add(new Drawn(new ChartInfo("throughput", c.getTitle(),
                "Higher is better. One line per design, dashed lines are baselines; a line that rises with threads "
                        + "scales, a flat or falling one contends. Bars are JMH's 99.9% error (cut at the top edge).",
                List.copyOf(series.keySet())), c));
    }

    private static void latency(List<Measurement> all, List<PercentileCurve> curves, List<Drawn> out) {
        Set<Integer> threads = new TreeSet<>();
        curves.stream().filter(c -> c.harness().equals("latency")).forEach(c -> threads.add(c.threads()));
        all.stream().filter(m -> m.harness().equals("latency") && m.mode().equals("sample") && isPercentile(m))
                .forEach(m -> threads.add(m.threads()));
        for (int t : threads) {
            XYChart c = ChartStyle.xy("Latency percentile spectrum, " + t + " thread" + (t == 1 ? "" : "s"),
                    "percentile (each step right is ten times rarer)", "latency (µs, log scale)");
            c.getStyler().setYAxisLogarithmic(true);
            c.getStyler().setxAxisTickLabelsFormattingFunction(PercentileAxis::label);
            Set<String> fromHdr = new TreeSet<>();
            for (PercentileCurve pc : curves) {
                if (!pc.harness().equals("latency") || pc.threads() != t) {
                    continue;
                }
                List<Double> x = new ArrayList<>();
                List<Double> y = new ArrayList<>();
                for (int i = 0; i < pc.percentiles().length; i++) {
                    if (pc.micros()[i] > 0) {
                        x.add(PercentileAxis.nines(pc.percentiles()[i]));
                        y.add(pc.micros()[i]);
                    }
                }
                if (!x.isEmpty()) {
                    XYSeries s = c.addSeries(pc.implementation() + (pc.baseline() ? " (baseline)" : "") + " [HdrHistogram]", x, y);
                    s.setMarker(SeriesMarkers.NONE);
                    if (pc.baseline()) {
                        s.setLineStyle(SeriesLines.DASH_DASH);
                    }
                    fromHdr.add(pc.implementation());
                }
            }
            // JMH's SampleTime percentiles, for designs without an HdrHistogram file (e.g. a plain JMH run).
            Map<String, TreeMap<Double, Double>> jmh = new TreeMap<>();
            Map<String, Boolean> isBaseline = new LinkedHashMap<>();
            for (Measurement m : all) {
                if (m.harness().equals("latency") && m.mode().equals("sample") && m.threads() == t
                        && !fromHdr.contains(m.implementation()) && isPercentile(m)) {
                    double p = Double.parseDouble(m.metric().substring(1)) / 100;
                    double us = m.value() * Units.toMicros(m.unit());
                    if (p < 1 && us > 0) {
                        String name = m.implementation() + (m.baseline() ? " (baseline)" : "") + " [JMH]";
                        jmh.computeIfAbsent(name, k -> new TreeMap<>()).put(PercentileAxis.nines(p), us);
                        isBaseline.put(name, m.baseline());
                    }
                }
            }
            jmh.forEach((name, pts) -> {
                XYSeries s = c.addSeries(name, new ArrayList<>(pts.keySet()), new ArrayList<>(pts.values()));
                if (isBaseline.get(name)) {
                    s.setLineStyle(SeriesLines.DASH_DASH);
                }
            });
            if (c.getSeriesMap().isEmpty()) {
                continue;
            }
            out.add(new Drawn(new ChartInfo("latency-spectrum-t" + t, c.getTitle(),
                    "Lower is better. Read left to right from the median to the far tail (99%, 99.9%...): a curve that "
                            + "shoots up on the right has rare but long stalls. Whole-run histograms, so no error bars.",
                    List.copyOf(c.getSeriesMap().keySet())), c));
        }
    }

    private static void oomCost(List<Measurement> all, List<Drawn> out) {
        // Benchmarks that report a utilization measure how long filling takes, not what a failure costs.
        Set<String> fills = new TreeSet<>();
        select(all, m -> m.harness().equals("oom") && isUtilization(m)).forEach(m -> fills.add(m.benchmark()));
        List<Measurement> pts = select(all, m -> m.harness().equals("oom") && m.metric().equals("score")
                && !fills.contains(m.benchmark()) && !Double.isNaN(Units.toMicros(m.unit())) && m.value() > 0);
        if (pts.isEmpty()) {
            return;
        }
        CategoryChart c = ChartStyle.bars("Cost of an allocation when the arena is full", "operation and scenario",
                "time per operation (ns, log scale)");
        c.getStyler().setYAxisLogarithmic(true);
        BarData bars = BarData.of(pts, m -> m.value() * Units.toMicros(m.unit()) * 1e3, m -> 0.0);
        bars.addTo(c);
        // XChart starts bars at 0, which a log axis cannot show: start them a decade boundary below the smallest.
        c.getStyler().setYAxisMin(Math.pow(10, Math.floor(Math.log10(bars.minValue()))));
        out.add(new Drawn(new ChartInfo("oom-failure-cost", c.getTitle(),
                "Lower is better. Each group is one operation on a full arena (failed tryAllocate, thrown allocate, "
                        + "recovery after reclaim), with or without a stalled pinned thread; errors are in the tables.",
                bars.seriesNames()), c));
    }

    private static void oomUtilization(List<Measurement> all, List<Drawn> out) {
        List<Measurement> pts = select(all, m -> m.harness().equals("oom") && isUtilization(m));
        if (pts.isEmpty()) {
            return;
        }
        CategoryChart c = ChartStyle.bars("Share of capacity usable before the first failure", "scenario",
                "usable share of capacity (%)");
        BarData bars = BarData.of(pts, m -> m.value() * percent(m), m -> nz(m.error()) * percent(m));
        bars.addTo(c);
        c.getStyler().setYAxisMin(0.0);
        c.getStyler().setYAxisMax(100.0);
        out.add(new Drawn(new ChartInfo("oom-utilization", c.getTitle(),
                "Higher is better. How full each design gets before tryAllocate first fails, from empty and with older "
                        + "epochs pinned (fragmentation and per-thread reserves lower it); whiskers are the 99.9% error.",
                bars.seriesNames()), c));
    }

    private static void reclaim(List<Measurement> all, List<Drawn> out) {
        List<Measurement> pts = select(all, m -> m.harness().equals("reclaim") && m.metric().equals("score")
                && !Double.isNaN(Units.toMicros(m.unit())));
        String axis = pts.stream().flatMap(m -> m.params().keySet().stream())
                .filter(k -> !Settings.IDENTITY.contains(k))
                .filter(k -> pts.stream().allMatch(m -> m.params().getOrDefault(k, "x").matches("\\d+")))
                .sorted((a, b) -> Boolean.compare(!a.toLowerCase(Locale.ROOT).contains("live"), !b.toLowerCase(Locale.ROOT).contains("live")))
                .findFirst().orElse(null);
        if (axis == null) {
            return;
        }
        Map<String, TreeMap<Double, Double>> series = new TreeMap<>();
        Map<String, Boolean> isBaseline = new LinkedHashMap<>();
        for (Measurement m : pts) {
            double x = Double.parseDouble(m.params().get(axis));
            double y = m.value() * Units.toMicros(m.unit());
            if (x > 0 && y > 0) { // a log axis has no place for 0 (the figure stays in the tables)
                String name = m.implementation() + (m.threads() == 1 ? "" : " t=" + m.threads()) + (m.baseline() ? " (baseline)" : "");
                series.computeIfAbsent(name, k -> new TreeMap<>()).put(x, y);
                isBaseline.put(name, m.baseline());
            }
        }
        if (series.isEmpty()) {
            return;
        }
        XYChart c = ChartStyle.xy("Reclaim pause against live blocks", axis + " (log scale)", "reclaim() time (µs, log scale)");
        c.getStyler().setXAxisLogarithmic(true);
        c.getStyler().setYAxisLogarithmic(true);
        c.getStyler().setXAxisDecimalPattern("#,###");
        c.getStyler().setYAxisDecimalPattern("#,##0.###");
        series.forEach((name, p) -> {
            XYSeries s = c.addSeries(name, new ArrayList<>(p.keySet()), new ArrayList<>(p.values()));
            if (isBaseline.get(name)) {
                s.setLineStyle(SeriesLines.DASH_DASH);
            }
        });
        out.add(new Drawn(new ChartInfo("reclaim-pause", c.getTitle(),
                "Lower is better. On log-log axes the slope is the growth order: slope 1 means the pause grows in "
                        + "proportion to live blocks, flat means it does not depend on them; errors are in the tables.",
                List.copyOf(series.keySet())), c));
    }

    private static void heap(List<Measurement> all, List<Drawn> out) {
        List<Measurement> norm = select(all, m -> m.metric().equals("gc.alloc.rate.norm"));
        List<Measurement> garbage = select(norm, m -> m.harness().equals("garbage"));
        List<Measurement> pts = garbage.isEmpty() ? norm : garbage;
        if (pts.isEmpty()) {
            return;
        }
        CategoryChart c = ChartStyle.bars("Java heap bytes allocated per operation", "operation",
                "heap allocation (" + pts.get(0).unit() + ")");
        BarData bars = BarData.of(pts, Measurement::value, m -> nz(m.error()));
        bars.addTo(c);
        linearRange(c.getStyler(), bars.maxValue(), bars.maxTop());
        out.add(new Drawn(new ChartInfo("heap-bytes-per-op", c.getTitle(),
                "Lower is better. JMH -prof gc's gc.alloc.rate.norm: bytes of Java heap garbage per operation; an arena "
                        + "should be near 0, the baseline shows what the garbage collector faces instead.",
                bars.seriesNames()), c));
    }

    /** From 0 to a little above the largest value, or to the largest error bar if that is not far above. */
    private static void linearRange(org.knowm.xchart.style.AxesChartStyler s, double maxValue, double maxTop) {
        if (maxValue > 0) {
            s.setYAxisMin(0.0);
            s.setYAxisMax(Math.min(Math.max(maxValue * 1.1, maxTop), maxValue * 1.5));
        }
    }

    private static List<Measurement> select(List<Measurement> all, Predicate<Measurement> p) {
        return all.stream().filter(p).toList();
    }

    private static boolean isPercentile(Measurement m) {
        return m.metric().matches("p\\d+(\\.\\d+)?");
    }

    private static boolean isUtilization(Measurement m) {
        return m.metric().equals("utilization") || m.metric().equals("usableShare");
    }

    /** Shares (0..1) become percent; figures already in % stay. */
    private static double percent(Measurement m) {
        return m.unit().equals("%") ? 1 : 100;
    }

    private static String benchClass(Measurement m) {
        return m.benchmark().substring(0, Math.max(0, m.benchmark().indexOf('.')));
    }

    private static double nz(double v) {
        return Double.isNaN(v) ? 0 : v;
    }
}
