package org.epocharena.store.db;

/**
 * One stored figure with its samples (every fork's iterations in order). Score, error and samples
 * that the store holds as NULL come back as NaN.
 */
public record StoredFigure(StoredRun run, String harness, String benchmark, String impl, boolean baseline,
                           String params, String mode, int threads, String metric, String unit, double score,
                           double error, double[] samples) {
}
