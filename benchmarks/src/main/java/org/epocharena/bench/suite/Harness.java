package org.epocharena.bench.suite;

import java.util.List;

/**
 * What the report needs to know about a harness: the benchmark its headlines come from, the question
 * it answers, where its thread count lives and the figures it is judged on (manifest.json, schema 1).
 *
 * @param threadsParam the param carrying the thread or worker count, or null for JMH's own threads
 * @param workload     one line: the work every implementation does per operation in this harness
 */
public record Harness(String name, String benchmark, String question, String threadsParam, String workload,
                      List<Headline> headlines) {

    /**
     * One figure a harness is judged on.
     *
     * @param metric "" for JMH's primary result, else the exact secondary-result name in the JMH JSON
     * @param better "higher" or "lower"
     * @param floorRelative below this relative difference AND below {@code floorAbsolute}, two figures
     *                      are the same (practical equivalence)
     * @param source        null for the benchmark's JMH result; "hdr" for the HdrHistogram interval logs
     *                      it writes ({@code raw/hdr/<harness>-<impl>-t<threads>.hlog})
     */
    public record Headline(String id, String label, String metric, String better, String unit,
                           double floorRelative, double floorAbsolute, String source) {
        Headline(String id, String label, String metric, String better, String unit, double floorRelative,
                 double floorAbsolute) {
            this(id, label, metric, better, unit, floorRelative, floorAbsolute, null);
        }
    }

    private static final String PACKAGE = "org.epocharena.bench.";
    private static final String MIX = "per operation: pin, 4 blocks of 16..1024 B (75% up to 128 B), 16 B written and"
            + " read back in each, unpin; every allocator ends its epoch every 64 operations of a thread";

    /** Every harness, in {@link Profile#HARNESSES} order. */
    public static final List<Harness> ALL = List.of(
            new Harness("latency", PACKAGE + "latency.LatencyBenchmark.allocate",
                    "How long does one allocation take, tail included?", null,
                    "one 64 B allocation per call (timed), 16 B written and read back (not timed); each thread ends"
                            + " the epoch every 256 calls",
                    // The HdrHistogram logs time the allocate call alone; JMH's SampleTime percentiles include
                    // its timer (microseconds at the tail), so they would rank the timer, not the designs.
                    List.of(new Headline("p99", "allocate p99", "p99", "lower", "us", 0.05, 0.03, "hdr"),
                            new Headline("p99.99", "allocate p99.99", "p99.99", "lower", "us", 0.05, 0.03, "hdr"))),
            new Harness("throughput", PACKAGE + "throughput.ThroughputBenchmark.run",
                    "How does each allocator scale from 1 to 1000+ threads?", "workers", MIX,
                    List.of(new Headline("throughput", "operations/s (one clock)", "operations", "higher", "ops/s",
                            0.05, 0))),
            new Harness("allocation", PACKAGE + "allocation.AllocationCostBenchmark.tryAllocate",
                    "What does one 64-byte allocation cost against new byte[64], in time and heap garbage?", null,
                    "one 64 B allocation per operation; every allocator ends its epoch every 4096 allocations of a"
                            + " thread and when full",
                    List.of(new Headline("allocations", "allocations/s", "", "higher", "ops/s", 0.05, 0),
                            new Headline("garbage", "heap bytes per allocation", "gc.alloc.rate.norm", "lower", "B/op",
                                    0, 1))),
            new Harness("oom", PACKAGE + "oom.OutOfMemoryBenchmark.fill",
                    "How much of the capacity can threads use before the first failure, empty and with an older"
                            + " epoch pinned?", "fillers",
                    "fillers threads allocate fixed sequences of 16..1024 B blocks together until the first failure",
                    List.of(new Headline("usable", "usable share before the first failure", "usableShare", "higher",
                            "share", 0.01, 0.005))),
            new Harness("held", PACKAGE + "held.StalledThreadBenchmark.stall",
                    "How much memory does one stalled pinned thread hold back, and does allocation fail meanwhile?",
                    "workers", MIX + "; one more thread pins, takes 4 blocks and sleeps 200 ms",
                    List.of(new Headline("heldPeak", "bytes held during the stall (peak)", "heldBytesPeak", "lower",
                                    "bytes", 0.05, 4096),
                            new Headline("stallFailures", "failed allocations during the stall", "failuresDuringStall",
                                    "lower", "failures", 0, 1))),
            new Harness("reclaim", PACKAGE + "reclaim.ReclaimBenchmark.reclaim",
                    "What does one epoch end cost as live blocks (10..100 000) and pinned threads (0..1024) grow?",
                    "pinnedThreads",
                    "blocks of 16..64 B filled unpinned in one epoch, then freed by one epoch end; batches of 16",
                    List.of(new Headline("pause", "µs per epoch end (batches of 16, SingleShotTime)", "", "lower",
                            "us/op", 0.05, 0.01))));

    /**
     * Further benchmark methods of a harness's class that the report judges on figures of their own
     * (the manifest lists them as harnesses; the planner never runs them alone, they run with their
     * harness). Without an entry a method such as a control would be read as its harness's headline.
     */
    static final List<Harness> COMPANIONS = List.of(
            new Harness("allocation-pin", PACKAGE + "allocation.AllocationCostBenchmark.pinAllocateClose",
                    "Does pin + allocate + close make heap garbage?", null,
                    "pin(), one 64 B allocation, close the guard (try-with-resources)",
                    List.of(new Headline("pinGarbage", "heap bytes per pin + allocate + close", "gc.alloc.rate.norm",
                            "lower", "B/op", 0, 1))),
            new Harness("allocation-failed", PACKAGE + "allocation.AllocationCostBenchmark.failedTryAllocate",
                    "Does a failed tryAllocate make heap garbage?", null, "tryAllocate(64) on a full arena",
                    List.of(new Headline("failGarbage", "heap bytes per failed tryAllocate", "gc.alloc.rate.norm",
                            "lower", "B/op", 0, 1))),
            new Harness("oom-failed", PACKAGE + "oom.OutOfMemoryBenchmark.failedTryAllocate",
                    "What does a failed tryAllocate cost on a full arena?", null, "tryAllocate on a full arena",
                    List.of(new Headline("failCost", "failed tryAllocate (ns)", "", "lower", "ns/op", 0.05, 1))));

    /** The harness {@code name} and its companions: what the manifest declares for it. */
    static List<Harness> declared(String name) {
        List<Harness> out = new java.util.ArrayList<>(List.of(named(name)));
        COMPANIONS.stream().filter(c -> c.name().startsWith(name + "-")).forEach(out::add);
        return out;
    }

    public static Harness named(String name) {
        for (Harness h : ALL) {
            if (h.name().equals(name)) {
                return h;
            }
        }
        throw new IllegalArgumentException("unknown harness '" + name + "'; valid: " + Profile.HARNESSES);
    }
}
