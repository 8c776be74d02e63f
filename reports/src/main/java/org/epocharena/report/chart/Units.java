package org.epocharena.report.chart;

/**
 * Brings JMH's per-benchmark units onto one scale per chart, so that benchmarks reported in
 * ops/ms and ops/us can share an axis.
 */
final class Units {
    private Units() {
    }

    /** Factor to convert a JMH rate unit to ops/s; NaN if it is not a rate. */
    static double toOpsPerSecond(String unit) {
        return switch (unit) {
            case "ops/ns" -> 1e9;
            case "ops/us" -> 1e6;
            case "ops/ms" -> 1e3;
            case "ops/s" -> 1;
            case "ops/min" -> 1 / 60.0;
            case "ops/hr" -> 1 / 3600.0;
            default -> Double.NaN;
        };
    }

    /** Factor to convert a JMH time unit ("ns/op", "us") to microseconds; NaN if it is not a time. */
    static double toMicros(String unit) {
        String u = unit.endsWith("/op") ? unit.substring(0, unit.length() - 3) : unit;
        return switch (u) {
            case "ns" -> 1e-3;
            case "us" -> 1;
            case "ms" -> 1e3;
            case "s" -> 1e6;
            case "min" -> 6e7;
            default -> Double.NaN;
        };
    }
}
