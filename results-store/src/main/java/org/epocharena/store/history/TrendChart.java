package org.epocharena.store.history;

import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.epocharena.store.db.StoredFigure;
import org.epocharena.store.db.StoredRun;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * One trend as a PNG: x is the machine's runs oldest to newest, labelled with their commits; one line
 * per implementation with JMH's error as bars (dashed for baselines); change points as black diamonds
 * on the first run after the change.
 */
final class TrendChart {
    static final int WIDTH = 900;
    static final int HEIGHT = 380;
    private static final Color[] PALETTE = {new Color(0x1f77b4), new Color(0xd62728), new Color(0x2ca02c),
        new Color(0x9467bd), new Color(0xff7f0e), new Color(0x8c564b), new Color(0xe377c2), new Color(0x17becf),
        new Color(0x7f7f7f), new Color(0xbcbd22)};

    private TrendChart() {
    }

    /** The same colour for an implementation in every chart of the page. */
    static Color colour(List<String> allImpls, String impl) {
        return PALETTE[Math.max(0, allImpls.indexOf(impl)) % PALETTE.length];
    }

    /** The commit of each run; the second run of a commit is "1a2b3c4·2", and so on. */
    static List<String> labels(List<StoredRun> runs) {
        List<String> out = new ArrayList<>();
        Map<String, Integer> seen = new java.util.HashMap<>();
        for (StoredRun r : runs) {
            int n = seen.merge(r.gitCommit(), 1, Integer::sum);
            out.add(n == 1 ? r.shortCommit() : r.shortCommit() + "\u00b7" + n);
        }
        return out;
    }

    static void write(Trend t, List<String> allImpls, Path png) throws IOException {
        XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT).title(t.key().title())
                .xAxisTitle("run (commit), oldest to newest").yAxisTitle(t.key().unit()).build();
        Styler.ChartTheme theme = Styler.ChartTheme.XChart;
        chart.getStyler().setTheme(theme.newInstance(theme));
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideE).setChartBackgroundColor(Color.WHITE)
                .setChartTitleFont(chart.getStyler().getChartTitleFont().deriveFont(13f));
        chart.getStyler().setPlotGridLinesColor(new Color(0xeeeeee));
        chart.getStyler().setErrorBarsColorSeriesColor(true);
        // One scale for every tick of the axis ("12 k, 10 k, 8 k", not "12 k, 10 k, 8000"): the largest bar's.
        double largest = t.byImpl().values().stream().flatMap(List::stream).filter(f -> Double.isFinite(f.score()))
                .mapToDouble(f -> Math.abs(f.score()) + (Double.isFinite(f.error()) ? f.error() : 0)).max().orElse(0);
        int scale = HistoryPage.scale(largest);
        chart.getStyler().setyAxisTickLabelsFormattingFunction(y -> HistoryPage.num(y, scale));
        List<StoredRun> runs = t.runs();
        List<String> labels = labels(runs);
        // Every run of the trend has a value, so the x values are 0..n-1, equally spaced: XChart then puts its
        // ticks on them, and labels them with this function (which must give unique labels, or XChart drops them).
        chart.getStyler().setxAxisTickLabelsFormattingFunction(x -> {
            long i = Math.round(x);
            return Math.abs(x - i) < 1e-9 && i >= 0 && i < runs.size() ? labels.get((int) i) : String.format("%.1f", x);
        });
        List<Double> cx = new ArrayList<>();
        List<Double> cy = new ArrayList<>();
        for (Map.Entry<String, List<StoredFigure>> e : t.byImpl().entrySet()) {
            List<Double> x = new ArrayList<>();
            List<Double> y = new ArrayList<>();
            List<Double> err = new ArrayList<>();
            for (StoredFigure f : e.getValue()) {
                if (Double.isFinite(f.score())) {
                    x.add((double) runs.indexOf(f.run()));
                    y.add(f.score());
                    err.add(Double.isFinite(f.error()) ? f.error() : 0.0);
                }
            }
            if (x.isEmpty()) {
                continue;
            }
            XYSeries s = chart.addSeries(e.getKey(), x, y, err);
            Color c = colour(allImpls, e.getKey());
            s.setLineColor(c);
            s.setMarkerColor(c);
            s.setMarker(SeriesMarkers.CIRCLE);
            boolean baseline = e.getValue().get(0).baseline();
            s.setLineStyle(baseline ? new BasicStroke(1.6f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f,
                    new float[] {6f, 4f}, 0f) : new BasicStroke(2f));
            for (ChangePoints.ChangePoint c2 : t.changes().getOrDefault(e.getKey(), List.of())) {
                StoredFigure after = e.getValue().get(c2.index());
                cx.add((double) runs.indexOf(after.run()));
                cy.add(after.score());
            }
        }
        if (!cx.isEmpty()) {
            XYSeries cps = chart.addSeries("change point", cx, cy);
            cps.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
            cps.setMarker(SeriesMarkers.DIAMOND);
            cps.setMarkerColor(Color.BLACK);
        }
        chart.getStyler().setMarkerSize(7);
        BitmapEncoder.saveBitmap(chart, png.toString(), BitmapEncoder.BitmapFormat.PNG);
    }
}
