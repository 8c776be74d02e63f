package org.epocharena.report.verdict;

/**
 * Whether an implementation meets one of the bounds the problem sets.
 *
 * @param status  met, not met, or not measured
 * @param detail  the figure behind it ("worst 12 us at 1024 threads (3 thread counts)")
 * @param brief   the same in a few characters, for the scorecard cell ("12 us at t=1024")
 */
public record Bound(Status status, String detail, String brief) {
    public enum Status { MET, NOT_MET, NOT_MEASURED }

    static Bound notMeasured(String why) {
        return new Bound(Status.NOT_MEASURED, why, "");
    }
}
