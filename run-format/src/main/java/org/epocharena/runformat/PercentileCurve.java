package org.epocharena.runformat;

/**
 * A latency percentile spectrum: the whole distribution, not a few points, so tails can be seen.
 *
 * @param percentiles in [0, 1)
 * @param micros      latency at each percentile, microseconds
 * @param maxMicros   the largest recorded value
 * @param count       number of recorded values
 */
public record PercentileCurve(String harness, String implementation, boolean baseline, int threads,
                              double[] percentiles, double[] micros, double maxMicros, long count, String source) {

    /** Latency at percentile {@code p} (0..1): the first recorded step at or above it. */
    public double at(double p) {
        for (int i = 0; i < percentiles.length; i++) {
            if (percentiles[i] >= p) {
                return micros[i];
            }
        }
        return maxMicros;
    }
}
