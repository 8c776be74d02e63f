package org.epocharena.report.chart;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.ToDoubleFunction;
import org.epocharena.report.jmh.Measurement;
import org.knowm.xchart.CategoryChart;

/**
 * Grouped bars: one group per operation and scenario, one bar colour per design, baselines last.
 * A design that was not measured in a group gets no bar (NaN, which XChart skips; it rejects null
 * beside error bars), never a 0 bar, because 0 is a real answer here (0 heap bytes per operation).
 */
final class BarData {
    private final List<String> categories = new ArrayList<>();
    private final Map<String, Map<String, double[]>> series = new LinkedHashMap<>();

    private BarData() {
    }

    static BarData of(List<Measurement> pts, ToDoubleFunction<Measurement> value, ToDoubleFunction<Measurement> error) {
        Set<String> keys = Settings.varying(pts);
        boolean threads = pts.stream().map(Measurement::threads).distinct().count() > 1;
        boolean harnesses = pts.stream().map(Measurement::harness).distinct().count() > 1;
        Map<String, Map<String, double[]>> designs = new TreeMap<>();
        Map<String, Map<String, double[]>> baselines = new TreeMap<>();
        BarData d = new BarData();
        for (Measurement m : pts) {
            String cat = (harnesses ? m.harness() + " " : "") + m.benchmark().substring(m.benchmark().indexOf('.') + 1)
                    + Settings.text(m, keys) + (threads ? " t=" + m.threads() : "");
            if (!d.categories.contains(cat)) {
                d.categories.add(cat);
            }
            (m.baseline() ? baselines : designs).computeIfAbsent(m.implementation() + (m.baseline() ? " (baseline)" : ""),
                    k -> new LinkedHashMap<>()).put(cat, new double[] {value.applyAsDouble(m), error.applyAsDouble(m)});
        }
        d.series.putAll(designs);
        d.series.putAll(baselines);
        return d;
    }

    void addTo(CategoryChart c) {
        for (Map.Entry<String, Map<String, double[]>> e : series.entrySet()) {
            List<Double> v = new ArrayList<>();
            List<Double> err = new ArrayList<>();
            for (String cat : categories) {
                double[] p = e.getValue().get(cat);
                v.add(p == null ? Double.NaN : p[0]);
                err.add(p == null ? 0.0 : p[1]);
            }
            c.addSeries(e.getKey(), categories, v, err);
        }
        if (categories.stream().mapToInt(String::length).sum() > 90) {
            c.getStyler().setXAxisLabelRotation(20);
        }
    }

    List<String> seriesNames() {
        return List.copyOf(series.keySet());
    }

    double minValue() {
        return series.values().stream().flatMap(m -> m.values().stream()).mapToDouble(p -> p[0]).min().orElse(0);
    }

    double maxValue() {
        return series.values().stream().flatMap(m -> m.values().stream()).mapToDouble(p -> p[0]).max().orElse(0);
    }

    double maxTop() {
        return series.values().stream().flatMap(m -> m.values().stream()).mapToDouble(p -> p[0] + p[1]).max().orElse(0);
    }
}
