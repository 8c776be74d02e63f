package org.epocharena.report.chart;

/**
 * The unit a throughput axis is drawn in (ops/s, k ops/s, M ops/s, G ops/s), picked from the largest
 * value so tick labels stay short. Scaling the data instead of installing a tick-label formatting
 * function keeps XChart on its own number formatter: a formatter that maps two tick values to the
 * same text makes XChart 3.8's tick search loop (see {@link PercentileAxis}).
 *
 * @param unit    axis unit text
 * @param divisor ops/s per axis unit
 */
record RateScale(String unit, double divisor) {

    static RateScale of(double opsPerSecond) {
        if (opsPerSecond >= 1e9) {
            return new RateScale("G ops/s", 1e9);
        }
        if (opsPerSecond >= 1e6) {
            return new RateScale("M ops/s", 1e6);
        }
        if (opsPerSecond >= 1e3) {
            return new RateScale("k ops/s", 1e3);
        }
        return new RateScale("ops/s", 1);
    }
}
