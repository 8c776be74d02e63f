package org.epocharena.store.history;

import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.epocharena.store.db.StoredFigure;
import org.epocharena.store.db.StoredRun;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.CategorySeries;
import org.knowm.xchart.style.Styler;

/**
 * One figure on every machine as a PNG: a group of bars per machine, one bar per arena design, each
 * relative to that machine's winner (1 = the winner) with JMH's error on the same scale, in the colours of
 * the trend charts. Machines differ by orders of magnitude, so raw bars would hide the small machine's
 * ranking; relative bars show the flip. Drawn for the figures whose winner differs; the table has the values.
 */
final class MachinesChart {
    static final int WIDTH = 900;
    static final int HEIGHT = 360;

    private MachinesChart() {
    }

    static void write(MachinesView.Row row, List<StoredRun> machines, List<String> allImpls, Path png) throws IOException {
        CategoryChart chart = new CategoryChartBuilder().width(WIDTH).height(HEIGHT).title(row.key().title())
                .yAxisTitle("relative to the machine's winner").build();
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideE).setChartBackgroundColor(Color.WHITE)
                .setChartTitleFont(chart.getStyler().getChartTitleFont().deriveFont(13f));
        chart.getStyler().setErrorBarsColor(Color.DARK_GRAY);
        chart.getStyler().setOverlapped(false);
        List<String> categories = new ArrayList<>();
        for (StoredRun r : machines) {
            categories.add(r.machine().cores() + " cores [" + r.machine().fingerprint().substring(0, 6) + "]");
        }
        TreeSet<String> designs = new TreeSet<>();
        row.perMachine().forEach(c -> c.values().stream().filter(f -> !f.baseline()).forEach(f -> designs.add(f.impl())));
        for (String impl : designs) {
            List<Double> y = new ArrayList<>();
            List<Double> err = new ArrayList<>();
            for (int m = 0; m < machines.size(); m++) {
                java.util.Map<String, StoredFigure> onMachine = row.perMachine().get(m);
                StoredFigure f = onMachine.get(impl);
                StoredFigure best = row.winners().get(m).map(w -> onMachine.get(w.impl())).orElse(null);
                boolean known = f != null && best != null && Double.isFinite(f.score()) && best.score() != 0;
                y.add(known ? f.score() / best.score() : 0.0);
                err.add(known && Double.isFinite(f.error()) ? f.error() / Math.abs(best.score()) : 0.0);
            }
            CategorySeries s = chart.addSeries(impl, categories, y, err);
            s.setFillColor(TrendChart.colour(allImpls, impl));
        }
        BitmapEncoder.saveBitmap(chart, png.toString(), BitmapEncoder.BitmapFormat.PNG);
    }
}
