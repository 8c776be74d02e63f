package org.epocharena.report.chart;

import java.io.IOException;
import java.nio.file.Path;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.VectorGraphicsEncoder;
import org.knowm.xchart.internal.chartpart.Chart;

/**
 * Saves a chart as PNG (for the page and pull requests) and SVG (for slides and zooming into tails).
 * SVG goes through VectorGraphics2D, which XChart loads reflectively; it is a declared dependency.
 */
final class ChartFiles {
    private ChartFiles() {
    }

    static void save(Chart<?, ?> chart, Path dir, String id) throws IOException {
        BitmapEncoder.saveBitmap(chart, dir.resolve(id + ".png").toString(), BitmapEncoder.BitmapFormat.PNG);
        VectorGraphicsEncoder.saveVectorGraphic(chart, dir.resolve(id + ".svg").toString(),
                VectorGraphicsEncoder.VectorGraphicsFormat.SVG);
    }
}
