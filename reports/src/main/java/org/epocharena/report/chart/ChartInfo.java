package org.epocharena.report.chart;

import java.util.List;

/**
 * A chart written to charts/: what the page needs to show it.
 *
 * @param id      file stem: charts/{id}.png and charts/{id}.svg
 * @param title   chart title
 * @param caption one line telling the reader how to read it
 * @param series  names of the series drawn (tests check them)
 * @param panel   one of a row of small multiples (drawn a third of the page wide)
 */
public record ChartInfo(String id, String title, String caption, List<String> series, boolean panel) {
}
