package org.epocharena.store.db;

import org.epocharena.runformat.Direction;
import org.epocharena.runformat.Headline;
import org.epocharena.runformat.Measurement;
import org.epocharena.store.run.RunRecord;

/**
 * One stored figure with its samples (every fork's iterations in order). Score, error and samples
 * that the store holds as NULL come back as NaN.
 *
 * @param params the figure's setting: every param but the implementation and the thread count
 */
public record StoredFigure(StoredRun run, String harness, String benchmark, String impl, boolean baseline,
                           String params, String mode, int threads, String metric, String unit, double score,
                           double error, double[] samples) {

    /** The figure as the report would read it, for the run's catalog to judge. */
    public Measurement asMeasurement() {
        return new Measurement(harness, benchmark, impl, baseline, threads, RunRecord.params(params), mode, metric, score,
                error, unit, new double[][] {samples}, "");
    }

    /** Which way is better, as the report decides it for this run's manifest. */
    public Direction direction() {
        return run.catalog().directionOf(asMeasurement());
    }

    /** The practical-equivalence floors, as the report applies them for this run's manifest. */
    public Headline floor() {
        return run.catalog().floorOf(asMeasurement());
    }
}
