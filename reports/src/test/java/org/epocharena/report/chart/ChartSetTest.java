package org.epocharena.report.chart;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import org.epocharena.report.Fixtures;
import org.epocharena.report.jmh.Measurement;
import org.epocharena.report.jmh.PercentileCurve;
import org.epocharena.report.jmh.RunData;
import org.epocharena.report.jmh.RunLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.lines.SeriesLines;
import org.w3c.dom.Document;

/**
 * What the charts show, and that encoding them ends. The timeouts are a hang guard, not a speed
 * check: XChart 3.8 once spun forever in its tick search on the latency chart (see PercentileAxis),
 * and a chart step that never returns would stall every CI run. SEPARATE_THREAD because that loop
 * never looks at the interrupt flag.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class ChartSetTest {

    private static Map<String, ChartSet.Drawn> byId(List<ChartSet.Drawn> drawn) {
        Map<String, ChartSet.Drawn> m = new java.util.LinkedHashMap<>();
        drawn.forEach(d -> m.put(d.info().id(), d));
        return m;
    }

    @Test
    void currentHarnessesGiveEveryChartWithOneSeriesPerDesign() {
        RunData run = new RunLoader().load(Fixtures.path("run-b"));
        Map<String, ChartSet.Drawn> charts = byId(new ChartSet().draw(run.measurements(), run.curves()));
        assertThat(charts).containsOnlyKeys("throughput", "latency-spectrum-t1", "oom-failure-cost", "oom-utilization",
                "reclaim-pause", "heap-bytes-per-op");
        charts.values().forEach(d -> {
            assertThat(d.chart().getSeriesMap().keySet()).as(d.info().id()).containsExactlyInAnyOrderElementsOf(d.info().series());
            assertThat(d.chart().getTitle()).isNotBlank();
            assertThat(d.chart().getXAxisTitle()).isNotBlank();
            assertThat(d.chart().getYAxisTitle()).as(d.info().id()).matches(".*\\(.+\\).*"); // a unit in brackets
            assertThat(d.info().caption()).isNotBlank();
        });
        assertThat(charts.get("throughput").info().series()).containsExactlyInAnyOrder("REFERENCE", "STRIPED", "JVM_NEW (baseline)");
        assertThat(charts.get("latency-spectrum-t1").info().series()).containsExactlyInAnyOrder(
                "REFERENCE [HdrHistogram]", "STRIPED [HdrHistogram]", "JVM_NEW (baseline) [HdrHistogram]");
        assertThat(charts.get("oom-failure-cost").info().series()).containsExactly("REFERENCE", "STRIPED");
        assertThat(charts.get("heap-bytes-per-op").info().series()).containsExactly("REFERENCE", "STRIPED", "JVM_NEW (baseline)");
        assertThat(charts.get("reclaim-pause").chart().getXAxisTitle()).startsWith("liveBlocks");

        XYChart thr = (XYChart) charts.get("throughput").chart();
        assertThat(thr.getSeriesMap().get("JVM_NEW (baseline)").getLineStyle()).isEqualTo(SeriesLines.DASH_DASH);
        assertThat(thr.getSeriesMap().get("STRIPED").getLineStyle()).isNotEqualTo(SeriesLines.DASH_DASH);
        assertThat(thr.getStyler().isXAxisLogarithmic()).isTrue();
        XYSeries striped = thr.getSeriesMap().get("STRIPED");
        assertThat(striped.getXData()).containsExactly(1.0, 64.0);
        assertThat(striped.getExtraValues()).as("error bars").isNotNull();
    }

    @Test
    void earlyHarnessesKeepTheirBenchmarksApart() {
        RunData run = new RunLoader().load(Fixtures.path("run-a"));
        Map<String, ChartSet.Drawn> charts = byId(new ChartSet().draw(run.measurements(), run.curves()));
        assertThat(charts.get("throughput").info().series()).contains("STRIPED Scaling", "STRIPED ManyWorkers",
                "JVM_NEW Scaling (baseline)");
        // HdrHistogram where it exists, JMH's SampleTime percentiles for the rest.
        assertThat(charts.get("latency-spectrum-t1").info().series()).containsExactlyInAnyOrder("REFERENCE [HdrHistogram]",
                "STRIPED [HdrHistogram]", "JVM_NEW (baseline) [JMH]", "NETTY_HEAP (baseline) [JMH]");
        assertThat(charts.get("oom-utilization").info().series()).containsExactly("REFERENCE", "STRIPED");
    }

    @Test
    void writesPngAndSvgThatDecode(@TempDir Path dir) throws Exception {
        RunData run = new RunLoader().load(Fixtures.path("run-b"));
        List<ChartInfo> infos = new ChartSet().write(run.measurements(), run.curves(), dir);
        assertThat(infos).hasSize(6);
        for (ChartInfo info : infos) {
            BufferedImage png = ImageIO.read(dir.resolve(info.id() + ".png").toFile());
            assertThat(png).as(info.id()).isNotNull();
            assertThat(png.getWidth()).isEqualTo(ChartStyle.WIDTH);
            assertThat(png.getHeight()).isEqualTo(ChartStyle.HEIGHT);
            assertThat(distinctColours(png)).as(info.id() + " is not blank").isGreaterThan(5);
            DocumentBuilderFactory xml = DocumentBuilderFactory.newInstance();
            xml.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false); // offline
            Document svg = xml.newDocumentBuilder().parse(dir.resolve(info.id() + ".svg").toFile());
            assertThat(svg.getDocumentElement().getTagName()).isEqualTo("svg");
            assertThat(svg.getElementsByTagName("path").getLength()).as(info.id()).isGreaterThan(20);
        }
    }

    private static int distinctColours(BufferedImage img) {
        java.util.Set<Integer> seen = new java.util.HashSet<>();
        for (int y = 0; y < img.getHeight(); y += 7) {
            for (int x = 0; x < img.getWidth(); x += 7) {
                seen.add(img.getRGB(x, y));
            }
        }
        return seen.size();
    }

    /** Shapes of data that made XChart's axis code loop or throw: one point, equal values, zeros, a far tail. */
    @Test
    void degenerateDataStillEncodes(@TempDir Path dir) throws IOException {
        List<Measurement> all = new ArrayList<>();
        all.add(point("throughput", "T.arena", "STRIPED", 1, Map.of("kind", "STRIPED"), "thrpt", "score", 5, 0, "ops/s"));
        all.add(point("latency", "L.arena", "STRIPED", 1, Map.of("kind", "STRIPED"), "sample", "p50", 100, 0, "ns/op"));
        all.add(point("latency", "L.arena", "STRIPED", 1, Map.of("kind", "STRIPED"), "sample", "p99", 100, 0, "ns/op"));
        all.add(point("oom", "O.fill", "STRIPED", 1, Map.of("kind", "STRIPED"), "avgt", "utilization", 1, 0, "share"));
        all.add(point("oom", "O.failedTryAllocate", "STRIPED", 1, Map.of("kind", "STRIPED"), "avgt", "score", 4, 0, "ns/op"));
        all.add(point("reclaim", "R.arena", "STRIPED", 1, Map.of("kind", "STRIPED", "liveBlocks", "10"), "avgt", "score", 0, 0, "us/op"));
        all.add(point("reclaim", "R.arena", "LOCK_FREE", 1, Map.of("kind", "LOCK_FREE", "liveBlocks", "10"), "avgt", "score", 3, 0, "us/op"));
        all.add(point("garbage", "G.arena", "STRIPED", 1, Map.of("kind", "STRIPED"), "avgt", "gc.alloc.rate.norm", 0, 0, "B/op"));
        List<PercentileCurve> curves = List.of(
                new PercentileCurve("latency", "REFERENCE", false, 2, new double[] {0.0}, new double[] {7.0}, 7.0, 1, "x.hgrm"),
                new PercentileCurve("latency", "STRIPED", false, 2, new double[] {0.0, 0.5, 1 - 1e-12},
                        new double[] {3.0, 3.0, 3.0}, 3.0, 10, "y.hgrm"));
        List<ChartInfo> infos = new ChartSet().write(all, curves, dir);
        assertThat(infos).extracting(ChartInfo::id).contains("throughput", "latency-spectrum-t1", "latency-spectrum-t2",
                "oom-failure-cost", "oom-utilization", "reclaim-pause", "heap-bytes-per-op");
        for (ChartInfo info : infos) {
            assertThat(ImageIO.read(dir.resolve(info.id() + ".png").toFile())).as(info.id()).isNotNull();
        }
    }

    @Test
    void noDataNoChart(@TempDir Path dir) throws IOException {
        assertThat(new ChartSet().write(List.of(), List.of(), dir)).isEmpty();
        assertThat(dir).isEmptyDirectory();
    }

    private static Measurement point(String harness, String bench, String impl, int threads, Map<String, String> params,
                                     String mode, String metric, double value, double error, String unit) {
        return new Measurement(harness, bench, impl, false, threads, params, mode, metric, value, error, unit,
                new double[0], "test");
    }
}
