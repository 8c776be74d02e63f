package org.epocharena.report.chart;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.epocharena.report.Fixtures;
import org.epocharena.report.jmh.RunData;
import org.epocharena.report.jmh.RunLoader;
import org.epocharena.runformat.Measurement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.internal.series.AxesChartSeries;

/**
 * What the charts show, drawn from the synthetic run-c. The timeout is a hang guard (XChart 3.8's
 * tick search once spun forever), not a speed check.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class ChartSetTest {
    private static final RunData RUN = new RunLoader().load(Fixtures.path("run-c"));

    private static Map<String, ChartSet.Drawn> byId(List<ChartSet.Drawn> drawn) {
        Map<String, ChartSet.Drawn> m = new java.util.LinkedHashMap<>();
        drawn.forEach(d -> m.put(d.info().id(), d));
        return m;
    }

    @Test
    void throughputIsSmallMultiplesOnLogAxesWithThePastCoresBandShaded() {
        Map<String, ChartSet.Drawn> charts = byId(new ChartSet().draw(RUN));
        assertThat(charts).containsKeys("throughput-throughput-designs", "throughput-throughput-baselines", "throughput-starved",
                "latency-spectrum-latency-t1", "latency-spectrum-latency-t1024", "reclaim-pause", "held-bytes", "cost-heapBytes");
        XYChart designs = (XYChart) charts.get("throughput-throughput-designs").chart();
        assertThat(designs.getStyler().isYAxisLogarithmic()).isTrue();
        assertThat(designs.getStyler().isXAxisLogarithmic()).isTrue();
        assertThat(charts.get("throughput-throughput-designs").info().panel()).isTrue();
        assertThat(designs.getSeriesMap().keySet()).contains("LOCK_FREE", "REFERENCE", "past 2 cores").doesNotContain("JVM_NEW (baseline)");
        assertThat(designs.getSeriesMap().get("past 2 cores").isShowInLegend()).isFalse();
        assertThat(designs.getSeriesMap().get("past 2 cores").getXData()).containsExactly(2.0, 1024.0);
        assertThat(charts.get("throughput-throughput-baselines").chart().getSeriesMap().keySet())
                .contains("JVM_NEW (baseline)", "NETTY_POOLED (baseline)");
    }

    @Test
    void everyImplementationHasOneColourInEveryChart() {
        Map<String, Color> seen = new HashMap<>();
        for (ChartSet.Drawn d : new ChartSet().draw(RUN)) {
            d.chart().getSeriesMap().forEach((name, s) -> {
                String impl = name.replace(" (baseline)", "");
                if (RUN.catalog().implementations().contains(impl)) {
                    Color c = ((AxesChartSeries) s).getFillColor();
                    assertThat(seen.putIfAbsent(impl, c)).as(impl + " in " + d.info().id()).isIn(null, c);
                }
            });
        }
        assertThat(seen).containsKeys("LOCK_FREE", "JVM_NEW");
        assertThat(seen.values()).doesNotHaveDuplicates();
    }

    @Test
    void aBarChartWhoseBarsAreAllEqualWithinTheFloorIsDroppedWithTheReason() {
        List<Measurement> same = RUN.measurements().stream().map(m -> m.metric().equals("usableShare")
                ? new Measurement(m.harness(), m.benchmark(), m.implementation(), m.baseline(), m.threads(), m.params(), m.mode(),
                        m.metric(), 0.9981, m.error(), m.unit(), m.forks(), m.source())
                : m).toList();
        RunData run = new RunData(RUN.folder(), same, RUN.curves(), RUN.environment(), RUN.rawFiles(), RUN.warnings(),
                RUN.catalog(), RUN.held());
        assertThat(byId(new ChartSet().draw(run))).doesNotContainKey("oom-usableShare");
        assertThat(new ChartSet().skipped(run)).singleElement().asString().contains("usable share").contains("0.998")
                .contains("the same within the practical floor");
        assertThat(byId(new ChartSet().draw(RUN))).containsKey("oom-usableShare");
    }
}
