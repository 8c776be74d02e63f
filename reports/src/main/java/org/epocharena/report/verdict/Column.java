package org.epocharena.report.verdict;

import org.epocharena.runformat.Headline;

/**
 * One scorecard column: a headline figure at one workload point.
 *
 * @param headline what is measured and how it is judged
 * @param threads  the thread count of the point
 * @param setting  the other params of the point ("liveBlocks=100000"), "" when none
 * @param title    the column heading
 */
public record Column(Headline headline, int threads, String setting, String title) {
}
