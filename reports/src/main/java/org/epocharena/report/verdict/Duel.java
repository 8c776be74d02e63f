package org.epocharena.report.verdict;

import org.epocharena.report.jmh.Measurement;
import org.epocharena.report.stats.RatioEstimate;

/**
 * The best design at one workload point against the runner-up.
 *
 * @param winner   the best arena design's figure
 * @param runnerUp the second best arena design's figure
 * @param factor   how many times better the winner is (always &ge; 1 in the "better" direction)
 */
public record Duel(Measurement winner, Measurement runnerUp, RatioEstimate factor) {

    /** Where the point sits: benchmark, threads and any other param, for tables. */
    public String point() {
        String s = winner.settingText();
        return winner.benchmark() + " t=" + winner.threads() + (s.isEmpty() ? "" : " " + s)
                + (winner.metric().equals("score") ? "" : " " + winner.metric());
    }
}
