package org.epocharena.report.chart;

import java.awt.Color;
import java.util.List;
import org.knowm.xchart.internal.series.AxesChartSeries;
import org.knowm.xchart.XYSeries;

/**
 * One colour per implementation in every chart, PNG and SVG alike: the n-th implementation of the
 * run's catalog (manifest order) gets the n-th colour of a colour-blind-safe set (Okabe-Ito, then
 * Tableau), a name beyond the set a colour from a stable hash of the name. Baselines are told apart by
 * dashed lines and diamond markers, not by colour alone.
 */
final class Palette {
    private static final Color[] COLOURS = {
        new Color(0x0072B2), new Color(0xD55E00), new Color(0x009E73), new Color(0xCC79A7), new Color(0xE69F00),
        new Color(0x56B4E9), new Color(0x000000), new Color(0x8C564B), new Color(0x7F7F7F), new Color(0xBCBD22),
        new Color(0x17BECF), new Color(0x9467BD)};

    private final List<String> order;

    Palette(List<String> order) {
        this.order = List.copyOf(order);
    }

    Color of(String impl) {
        int i = order.indexOf(impl);
        if (i >= 0 && i < COLOURS.length) {
            return COLOURS[i];
        }
        float hue = (impl.hashCode() & 0x7fffffff) % 360 / 360f;
        return Color.getHSBColor(hue, 0.65f, 0.75f);
    }

    void paint(AxesChartSeries s, String impl) {
        Color c = of(impl);
        s.setFillColor(c);
        if (s instanceof XYSeries xy) {
            xy.setLineColor(c);
            xy.setMarkerColor(c);
        }
    }
}
