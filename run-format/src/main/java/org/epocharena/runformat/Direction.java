package org.epocharena.runformat;

/**
 * Whether a bigger figure is better. Derived from the unit because JMH units are regular:
 * "ops/time" is a rate, "time/op" a cost; allocation per op and percentiles are costs.
 */
public enum Direction {
    HIGHER_IS_BETTER, LOWER_IS_BETTER, UNKNOWN;

    public static Direction of(String metric, String unit) {
        String u = unit == null ? "" : unit;
        if (metric.startsWith("gc.alloc") || metric.startsWith("gc.time") || metric.startsWith("gc.count")) {
            return LOWER_IS_BETTER;
        }
        if (u.startsWith("ops/")) {
            return HIGHER_IS_BETTER;
        }
        if (u.endsWith("/op") || u.equals("us") || u.equals("ns") || u.equals("ms")) {
            return LOWER_IS_BETTER;
        }
        // A usable share of capacity is better high; other shares (of starved workers, say) may go either way.
        if (metric.matches("(?i).*(util|usable).*")) {
            return HIGHER_IS_BETTER;
        }
        return UNKNOWN;
    }

    /** True when {@code a} is better than {@code b}; never for {@link #UNKNOWN}. */
    public boolean better(double a, double b) {
        return this == HIGHER_IS_BETTER ? a > b : this == LOWER_IS_BETTER && a < b;
    }
}
