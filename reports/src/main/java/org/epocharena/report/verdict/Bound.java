package org.epocharena.report.verdict;

/**
 * Whether an implementation meets one of the bounds the problem sets.
 *
 * @param status  met, not met, or not measured
 * @param detail  the figure behind it ("max 12 us at 1024 threads")
 */
public record Bound(Status status, String detail) {
    public enum Status { MET, NOT_MET, NOT_MEASURED }

    static Bound notMeasured(String why) {
        return new Bound(Status.NOT_MEASURED, why);
    }
}
