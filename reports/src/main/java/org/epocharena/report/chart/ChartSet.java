package org.epocharena.report.chart;

import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.epocharena.report.jmh.RunData;
import org.epocharena.runformat.Catalog;
import org.epocharena.runformat.Headline;
import org.epocharena.runformat.HeldSeries;
import org.epocharena.runformat.Measurement;
import org.epocharena.runformat.PercentileCurve;
import org.knowm.xchart.AnnotationLine;
import org.knowm.xchart.AnnotationText;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategorySeries;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.lines.SeriesLines;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Draws one chart per question the run's headlines ask, from the run's own catalog: a rate measured
 * at several thread counts becomes small multiples on log-log axes (designs; baselines; the share of
 * starved workers) with thread counts past the core count shaded; a time measured against a numeric
 * workload param becomes a log-log line chart; every other headline a bar chart per implementation
 * and thread count, dropped (with the reason on the page) when all its bars are equal within the
 * headline's practical floor. Latency spectra come from the HdrHistogram logs, held memory from the
 * stalled-thread side files. One colour per implementation everywhere ({@link Palette}).
 */
public final class ChartSet {
    private static final double[] PERCENTILE_TICKS = {0.5, 0.9, 0.99, 0.999, 0.9999, 0.99999};

    /** A chart ready to encode, with what the page says about it. */
    public record Drawn(ChartInfo info, org.knowm.xchart.internal.chartpart.Chart<?, ?> chart) {
    }

    /** Charts drawn and, for charts left out, why. */
    public record Written(List<ChartInfo> charts, List<String> skipped) {
    }

    private record Plan(List<Drawn> drawn, List<String> skipped) {
    }

    /** Draws and writes every chart the data supports into {@code dir}. */
    public Written write(RunData run, Path dir) throws IOException {
        Plan p = plan(run);
        List<ChartInfo> out = new ArrayList<>();
        for (Drawn d : p.drawn()) {
            ChartFiles.save(d.chart(), dir, d.info().id());
            out.add(d.info());
        }
        return new Written(out, p.skipped());
    }

    /** Every chart the data supports, in page order, not yet encoded. */
    public List<Drawn> draw(RunData run) {
        return plan(run).drawn();
    }

    /** Why charts were left out. */
    public List<String> skipped(RunData run) {
        return plan(run).skipped();
    }

    private Plan plan(RunData run) {
        System.setProperty("java.awt.headless", "true");
        Palette palette = new Palette(run.catalog().implementations());
        List<Drawn> out = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        Catalog catalog = run.catalog();
        for (Catalog.HarnessView v : catalog.headlineViews(run.measurements())) {
            Headline h = v.headline();
            List<Measurement> pts = run.measurements().stream().filter(h::matches).filter(m -> !m.mode().equals("hdr")).toList();
            if (pts.isEmpty() || h.metric().matches("p\\d.*|max")) {
                continue; // percentiles are drawn as spectra
            }
            long threadCounts = pts.stream().map(Measurement::threads).distinct().count();
            String sizeParam = sizeParam(pts);
            if (h.higherBetter() && !Double.isNaN(Units.toOpsPerSecond(pts.get(0).unit())) && threadCounts > 2) {
                scaling(run, h, pts, palette, out);
            } else if (sizeParam != null && !Double.isNaN(Units.toMicros(pts.get(0).unit()))) {
                againstSize(h, pts, sizeParam, palette, out);
            } else {
                bars(h, pts, catalog, palette, out, skipped);
            }
        }
        latency(run.curves(), palette, out);
        held(run.held(), palette, out);
        return new Plan(out, skipped);
    }

    private static void scaling(RunData run, Headline h, List<Measurement> all, Palette palette, List<Drawn> out) {
        // One line per implementation over one shape of the workload: the sweep with the most points. A
        // point measured once in another shape (a dedicated reclaimer at 1024 workers) is in the tables.
        String sweep = all.stream().collect(java.util.stream.Collectors.groupingBy(Measurement::settingText,
                        java.util.stream.Collectors.counting())).entrySet().stream().max(Map.Entry.comparingByValue())
                .map(Map.Entry::getKey).orElse("");
        List<Measurement> pts = all.stream().filter(m -> m.settingText().equals(sweep)).toList();
        // The unit is picked from the smallest rate so every value is >= 1 in it: XChart fills an area down
        // to 1 on a log axis, so the shaded band then reaches the bottom of the plot.
        double smallest = pts.stream().mapToDouble(m -> m.value() * Units.toOpsPerSecond(m.unit())).filter(v -> v > 0).min().orElse(1);
        RateScale scale = RateScale.of(smallest);
        int cores = run.cores();
        for (boolean baselines : new boolean[] {false, true}) {
            List<Measurement> mine = pts.stream().filter(m -> m.baseline() == baselines).toList();
            if (mine.isEmpty()) {
                continue;
            }
            XYChart c = ChartStyle.xy(h.label() + ": " + (baselines ? "baselines" : "designs"), "threads (log scale)",
                    h.label() + " (" + scale.unit() + ", log scale)");
            c.getStyler().setXAxisLogarithmic(true);
            c.getStyler().setYAxisLogarithmic(true);
            c.getStyler().setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.InsideSW);
            Map<String, TreeMap<Integer, Double>> series = series(mine, m -> m.value() * Units.toOpsPerSecond(m.unit()) / scale.divisor());
            series.forEach((impl, p) -> line(c, impl, baselines, p, palette));
            pastCores(c, cores, mine);
            out.add(new Drawn(new ChartInfo(h.harness() + "-" + h.id() + (baselines ? "-baselines" : "-designs"), c.getTitle(),
                    "Higher is better; log axes, so equal gaps are equal ratios. A line that stays level as threads grow "
                            + "scales; grey: more threads than the machine's " + cores + " cores.", List.copyOf(c.getSeriesMap().keySet()), true), c));
        }
        // Fairness: the share of workers that starved, from the same harness.
        List<Measurement> starved = run.measurements().stream().filter(m -> m.harness().equals(h.harness())
                && m.settingText().equals(sweep) && m.metric().toLowerCase(java.util.Locale.ROOT).contains("starved")).toList();
        if (!starved.isEmpty()) {
            XYChart c = ChartStyle.xy("Share of starved workers", "threads (log scale)", "starved share (" + starved.get(0).unit() + ")");
            c.getStyler().setXAxisLogarithmic(true);
            c.getStyler().setYAxisMin(0.0);
            c.getStyler().setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.InsideNW);
            series(starved, Measurement::value).forEach((impl, p) -> line(c, impl, run.catalog().isBaseline(impl), p, palette));
            pastCores(c, cores, starved);
            out.add(new Drawn(new ChartInfo(h.harness() + "-starved", c.getTitle(),
                    "Lower is better: the share of workers that got (almost) no allocations done in an iteration.",
                    List.copyOf(c.getSeriesMap().keySet()), true), c));
        }
    }

    private static Map<String, TreeMap<Integer, Double>> series(List<Measurement> pts,
                                                                java.util.function.ToDoubleFunction<Measurement> y) {
        Map<String, TreeMap<Integer, Double>> s = new LinkedHashMap<>();
        for (Measurement m : pts) {
            double v = y.applyAsDouble(m);
            if (v > 0 || !Double.isNaN(v)) {
                s.computeIfAbsent(m.implementation(), k -> new TreeMap<>()).putIfAbsent(m.threads(), v);
            }
        }
        return s;
    }

    private static void line(XYChart c, String impl, boolean baseline, TreeMap<Integer, Double> p, Palette palette) {
        List<Double> x = new ArrayList<>();
        List<Double> y = new ArrayList<>();
        p.forEach((t, v) -> {
            if (!(c.getStyler().isYAxisLogarithmic() && v <= 0)) {
                x.add(t.doubleValue());
                y.add(v);
            }
        });
        if (x.isEmpty()) {
            return;
        }
        XYSeries s = c.addSeries(impl + (baseline ? " (baseline)" : ""), x, y);
        s.setMarker(baseline ? SeriesMarkers.DIAMOND : SeriesMarkers.CIRCLE);
        if (baseline) {
            s.setLineStyle(SeriesLines.DASH_DASH);
        }
        palette.paint(s, impl);
    }

    /** Shades thread counts past the core count: a grey band from the core count to the most threads. */
    private static void pastCores(XYChart c, int cores, List<Measurement> pts) {
        int most = pts.stream().mapToInt(Measurement::threads).max().orElse(0);
        if (cores <= 0 || most <= cores || c.getSeriesMap().isEmpty()) {
            return;
        }
        double yMax = c.getSeriesMap().values().stream().mapToDouble(s -> java.util.Arrays.stream(s.getYData()).max().orElse(1))
                .max().orElse(1) * 1.5;
        double smallest = c.getSeriesMap().values().stream().mapToDouble(s -> java.util.Arrays.stream(s.getYData()).min().orElse(1))
                .min().orElse(1);
        double yMin = c.getStyler().isYAxisLogarithmic() ? Math.max(1, Math.pow(10, Math.floor(Math.log10(smallest)))) : 0;
        c.getStyler().setYAxisMin(yMin);
        c.getStyler().setYAxisMax(yMax);
        XYSeries band = c.addSeries("past " + cores + " cores", new double[] {cores, most}, new double[] {yMax, yMax});
        band.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Area);
        band.setFillColor(new Color(0, 0, 0, 28));
        band.setLineColor(new Color(0, 0, 0, 0));
        band.setMarker(SeriesMarkers.NONE);
        band.setShowInLegend(false);
    }

    /** The numeric workload param the points vary over (liveBlocks), or null. */
    private static String sizeParam(List<Measurement> pts) {
        return pts.stream().flatMap(m -> m.params().keySet().stream()).distinct()
                .filter(k -> !Measurement.IDENTITY_PARAMS.contains(k))
                .filter(k -> pts.stream().allMatch(m -> m.params().getOrDefault(k, "x").matches("\\d+")))
                .filter(k -> pts.stream().map(m -> m.params().get(k)).distinct().count() > 2)
                .findFirst().orElse(null);
    }

    private static void againstSize(Headline h, List<Measurement> pts, String param, Palette palette, List<Drawn> out) {
        XYChart c = ChartStyle.xy(h.label() + " against " + param, param + " (log scale)", h.label() + " (µs, log scale)");
        c.getStyler().setXAxisLogarithmic(true);
        c.getStyler().setYAxisLogarithmic(true);
        c.getStyler().setXAxisDecimalPattern("#,###");
        c.getStyler().setYAxisDecimalPattern("#,##0.###");
        Map<String, TreeMap<Double, Double>> series = new LinkedHashMap<>();
        Map<String, String> implOf = new LinkedHashMap<>();
        for (Measurement m : pts) {
            double x = Double.parseDouble(m.params().get(param));
            double y = m.value() * Units.toMicros(m.unit());
            if (x > 0 && y > 0) {
                String name = m.implementation() + (pts.stream().map(Measurement::threads).distinct().count() > 1 ? " t=" + m.threads() : "")
                        + (m.baseline() ? " (baseline)" : "");
                series.computeIfAbsent(name, k -> new TreeMap<>()).put(x, y);
                implOf.put(name, m.implementation());
            }
        }
        series.forEach((name, p) -> {
            XYSeries s = c.addSeries(name, new ArrayList<>(p.keySet()), new ArrayList<>(p.values()));
            if (name.endsWith("(baseline)")) {
                s.setLineStyle(SeriesLines.DASH_DASH);
                s.setMarker(SeriesMarkers.DIAMOND);
            } else {
                s.setMarker(SeriesMarkers.CIRCLE);
            }
            palette.paint(s, implOf.get(name));
        });
        if (!series.isEmpty()) {
            out.add(new Drawn(new ChartInfo(h.harness() + "-" + h.id(), c.getTitle(),
                    "Lower is better. On log-log axes the slope is the growth order: slope 1 means the figure grows in "
                            + "proportion to " + param + ", flat means it does not depend on it; errors are in the tables.",
                    List.copyOf(series.keySet()), false), c));
        }
    }

    private static void bars(Headline h, List<Measurement> pts, Catalog catalog, Palette palette, List<Drawn> out,
                             List<String> skipped) {
        double min = pts.stream().mapToDouble(Measurement::value).min().orElse(0);
        double max = pts.stream().mapToDouble(Measurement::value).max().orElse(0);
        if (pts.size() > 1 && !h.practicallyDifferent(min, max)) {
            skipped.add("No chart of " + h.label() + " (" + h.harness() + "): every implementation measured "
                    + org.epocharena.report.page.Figures.num(min) + "-" + org.epocharena.report.page.Figures.num(max) + " "
                    + pts.get(0).unit() + ", the same within the practical floor, so bars would settle nothing.");
            return;
        }
        List<String> cats = new ArrayList<>();
        Map<String, Map<String, Double>> byImpl = new LinkedHashMap<>();
        boolean threads = pts.stream().map(Measurement::threads).distinct().count() > 1;
        boolean settings = pts.stream().map(Measurement::settingText).distinct().count() > 1;
        for (String impl : catalog.implementations()) {
            for (Measurement m : pts) {
                if (!m.implementation().equals(impl)) {
                    continue;
                }
                String cat = (threads ? m.threads() + (m.threads() == 1 ? " thread" : " threads") : "")
                        + (settings ? (threads ? ", " : "") + m.settingText() : "");
                cat = cat.isEmpty() ? h.label() : cat;
                if (!cats.contains(cat)) {
                    cats.add(cat);
                }
                byImpl.computeIfAbsent(impl, k -> new LinkedHashMap<>()).putIfAbsent(cat, m.value());
            }
        }
        CategoryChart c = ChartStyle.bars(h.label() + " (" + h.harness() + ")", threads || settings ? "point" : "",
                h.label() + " (" + pts.get(0).unit() + ")");
        byImpl.forEach((impl, v) -> {
            List<Double> ys = cats.stream().map(k -> v.getOrDefault(k, Double.NaN)).toList();
            CategorySeries s = c.addSeries(impl + (catalog.isBaseline(impl) ? " (baseline)" : ""), cats, ys);
            palette.paint(s, impl);
        });
        c.getStyler().setYAxisMin(0.0);
        out.add(new Drawn(new ChartInfo(h.harness() + "-" + h.id(), c.getTitle(),
                (h.higherBetter() ? "Higher" : "Lower") + " is better. " + catalog.question(h.harness())
                        + " Errors are in the tables.", List.copyOf(c.getSeriesMap().keySet()), false), c));
    }

    private static void latency(List<PercentileCurve> curves, Palette palette, List<Drawn> out) {
        Map<String, List<PercentileCurve>> groups = new TreeMap<>();
        curves.forEach(c -> groups.computeIfAbsent(c.harness() + "-t" + String.format("%05d", c.threads()), k -> new ArrayList<>()).add(c));
        groups.forEach((key, list) -> {
            int t = list.get(0).threads();
            XYChart c = ChartStyle.xy("Latency percentile spectrum, " + t + " thread" + (t == 1 ? "" : "s"),
                    "percentile", "latency (µs, log scale)");
            c.getStyler().setYAxisLogarithmic(true);
            c.getStyler().setXAxisTicksVisible(false);
            c.getStyler().setXAxisMin(0.0);
            c.getStyler().setXAxisMax(PercentileAxis.nines(0.99999) + 0.2);
            double yMin = Double.MAX_VALUE;
            for (PercentileCurve pc : list) {
                List<Double> x = new ArrayList<>();
                List<Double> y = new ArrayList<>();
                for (int i = 0; i < pc.percentiles().length; i++) {
                    if (pc.micros()[i] > 0 && pc.percentiles()[i] <= 0.99999) {
                        x.add(PercentileAxis.nines(pc.percentiles()[i]));
                        y.add(pc.micros()[i]);
                        yMin = Math.min(yMin, pc.micros()[i]);
                    }
                }
                if (!x.isEmpty()) {
                    XYSeries s = c.addSeries(pc.implementation() + (pc.baseline() ? " (baseline)" : ""), x, y);
                    s.setMarker(SeriesMarkers.NONE);
                    if (pc.baseline()) {
                        s.setLineStyle(SeriesLines.DASH_DASH);
                    }
                    palette.paint(s, pc.implementation());
                }
            }
            if (c.getSeriesMap().isEmpty()) {
                return;
            }
            // The percentile axis is labelled where a reader looks: 50, 90, 99, 99.9, 99.99 and 99.999%.
            double labelY = Math.pow(10, Math.floor(Math.log10(yMin)));
            c.getStyler().setYAxisMin(labelY);
            c.getStyler().setAnnotationLineColor(new Color(200, 200, 200));
            c.getStyler().setAnnotationTextFontColor(Color.DARK_GRAY);
            for (double p : PERCENTILE_TICKS) {
                c.addAnnotation(new AnnotationLine(PercentileAxis.nines(p), true, false));
                c.addAnnotation(new AnnotationText(PercentileAxis.label(PercentileAxis.nines(p)), PercentileAxis.nines(p), labelY * 1.25, false));
            }
            out.add(new Drawn(new ChartInfo("latency-spectrum-" + key.replaceAll("-t0*", "-t"), c.getTitle(),
                    "Lower is better. Read left to right from the median to the far tail: a curve that shoots up on the "
                            + "right has rare but long stalls. From the HdrHistogram interval logs, all intervals merged.",
                    List.copyOf(c.getSeriesMap().keySet()), false), c));
        });
    }

    private static void held(List<HeldSeries> held, Palette palette, List<Drawn> out) {
        if (held.isEmpty()) {
            return;
        }
        XYChart c = ChartStyle.xy("Memory held back by a stalled pinned thread", "time (ms)", "held (MiB)");
        for (HeldSeries h : held) {
            if (h.elapsedMs().length == 0) {
                continue;
            }
            double[] mib = java.util.Arrays.stream(h.heldBytes()).map(b -> b / (1024.0 * 1024.0)).toArray();
            XYSeries s = c.addSeries(h.implementation() + (h.baseline() ? " (baseline)" : ""), h.elapsedMs(), mib);
            s.setMarker(SeriesMarkers.NONE);
            if (h.baseline()) {
                s.setLineStyle(SeriesLines.DASH_DASH);
            }
            palette.paint(s, h.implementation());
        }
        if (!c.getSeriesMap().isEmpty()) {
            c.getStyler().setYAxisMin(0.0);
            out.add(new Drawn(new ChartInfo("held-bytes", c.getTitle(),
                    "Lower is better. Memory the allocator cannot reuse while one pinned thread stalls among working threads; "
                            + "a line that climbs for as long as the stall lasts is memory the stall holds hostage.",
                    List.copyOf(c.getSeriesMap().keySet()), false), c));
        }
    }
}
