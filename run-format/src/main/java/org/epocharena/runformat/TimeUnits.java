package org.epocharena.runformat;

/** Nanoseconds in one unit of a JMH time unit ("ns/op", "us", "ms/op"); NaN when it is not a time. */
public final class TimeUnits {
    private TimeUnits() {
    }

    public static double nanosPer(String unit) {
        String u = unit.endsWith("/op") ? unit.substring(0, unit.length() - 3) : unit;
        return switch (u) {
            case "ns" -> 1;
            case "us", "µs" -> 1e3;
            case "ms" -> 1e6;
            case "s" -> 1e9;
            default -> Double.NaN;
        };
    }
}
