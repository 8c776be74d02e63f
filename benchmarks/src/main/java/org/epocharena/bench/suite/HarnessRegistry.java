package org.epocharena.bench.suite;

import java.util.ArrayList;
import java.util.List;
import org.epocharena.bench.allocation.AllocationCostBenchmark;
import org.epocharena.bench.held.StalledThreadBenchmark;
import org.epocharena.bench.latency.LatencyBenchmark;
import org.epocharena.bench.oom.OutOfMemoryBenchmark;
import org.epocharena.bench.reclaim.ReclaimBenchmark;
import org.epocharena.bench.throughput.ThroughputBenchmark;
import org.epocharena.runformat.RunManifest.HarnessEntry;
import org.epocharena.runformat.RunManifest.HeadlineEntry;

/**
 * Every harness the suite runs, in the order a run executes them: one entry each, naming its benchmark
 * class and what manifest.json says about it (the question it answers, where its thread count lives, the
 * figures it is judged on). The profiles' harness keys, the CLI's usage text and {@code --list}, the
 * planner's choice of benchmarks and the manifest all read this list: a new harness is its class, one
 * entry here and its lines in the profiles.
 */
public final class HarnessRegistry {

    /**
     * One harness.
     *
     * @param id             what profiles, {@code --harness}, result files and the report call it
     * @param benchmarkClass the JMH class whose benchmark methods the harness runs
     * @param declaration    its manifest entry: the headline method and figures
     * @param companions     further methods of the class that the report judges on figures of their own (the
     *                       manifest lists them as harnesses named {@code <id>-<suffix>}; they run with their
     *                       harness, never alone). Without an entry a method such as a control would be read
     *                       as its harness's headline.
     */
    public record Entry(String id, Class<?> benchmarkClass, HarnessEntry declaration, List<HarnessEntry> companions) {
        /** The manifest entries of this harness: itself, then its companions. */
        public List<HarnessEntry> declared() {
            List<HarnessEntry> out = new ArrayList<>(List.of(declaration));
            out.addAll(companions);
            return out;
        }

        public String question() {
            return declaration.question();
        }
    }

    private static final String MIX = "per operation: pin, 4 blocks of 16..1024 B (75% up to 128 B), 16 B written and"
            + " read back in each, unpin; every allocator ends its epoch every 64 operations of a thread";

    public static final List<Entry> ALL = List.of(
            entry(LatencyBenchmark.HARNESS, LatencyBenchmark.class, "allocate",
                    "How long does one allocation take, tail included?", null,
                    "one 64 B allocation per call (timed), 16 B written and read back (not timed); each thread ends"
                            + " the epoch every 256 calls",
                    // The HdrHistogram logs time the allocate call alone; JMH's SampleTime percentiles include
                    // its timer (microseconds at the tail), so they would rank the timer, not the designs.
                    List.of(hdr("p99", "allocate p99", "p99", "lower", "us", 0.05, 0.03),
                            hdr("p99.99", "allocate p99.99", "p99.99", "lower", "us", 0.05, 0.03))),
            entry("throughput", ThroughputBenchmark.class, "run",
                    "How does each allocator scale from 1 to 1000+ threads?", "workers", MIX,
                    List.of(headline("throughput", "operations/s (one clock)", "operations", "higher", "ops/s", 0.05, 0))),
            entry("allocation", AllocationCostBenchmark.class, "tryAllocate",
                    "What does one 64-byte allocation cost against new byte[64], in time and heap garbage?", null,
                    "one 64 B allocation per operation; every allocator ends its epoch every 4096 allocations of a"
                            + " thread and when full",
                    List.of(headline("allocations", "allocations/s", "", "higher", "ops/s", 0.05, 0),
                            headline("garbage", "heap bytes per allocation", "gc.alloc.rate.norm", "lower", "B/op", 0, 1)),
                    companion("pin", "pinAllocateClose",
                            "Does pin + allocate + unpin make heap garbage?",
                            "pinStamp(), one 64 B allocation, unpin(stamp)",
                            headline("pinGarbage", "heap bytes per pin + allocate + unpin", "gc.alloc.rate.norm",
                                    "lower", "B/op", 0, 1)),
                    companion("failed", "failedTryAllocate", "Does a failed tryAllocate make heap garbage?",
                            "tryAllocate(64) on a full arena",
                            headline("failGarbage", "heap bytes per failed tryAllocate", "gc.alloc.rate.norm", "lower",
                                    "B/op", 0, 1))),
            entry("oom", OutOfMemoryBenchmark.class, "fill",
                    "How much of the capacity can threads use before the first failure, empty and with an older"
                            + " epoch pinned?", "fillers",
                    "fillers threads allocate fixed sequences of 16..1024 B blocks together until the first failure",
                    List.of(headline("usable", "usable share before the first failure", "usableShare", "higher",
                            "share", 0.01, 0.005)),
                    companion("failed", "failedTryAllocate", "What does a failed tryAllocate cost on a full arena?",
                            "tryAllocate on a full arena",
                            headline("failCost", "failed tryAllocate (ns)", "", "lower", "ns/op", 0.05, 1))),
            entry("held", StalledThreadBenchmark.class, "stall",
                    "How much memory does one stalled pinned thread hold back, and does allocation fail meanwhile?",
                    "workers", MIX + "; one more thread pins, takes 4 blocks and sleeps 200 ms",
                    List.of(headline("heldPeak", "bytes held during the stall (peak)", "heldBytesPeak", "lower",
                                    "bytes", 0.05, 4096),
                            headline("stallFailures", "failed allocations during the stall", "failuresDuringStall",
                                    "lower", "failures", 0, 1))),
            entry("reclaim", ReclaimBenchmark.class, "reclaim",
                    "What does one epoch end cost as live blocks (10..100 000) and pinned threads (0..1024) grow?",
                    "pinnedThreads",
                    "blocks of 16..64 B filled unpinned in one epoch, then freed by one epoch end; batches of 16",
                    List.of(headline("pause", "µs per epoch end (batches of 16, SingleShotTime)", "", "lower",
                            "us/op", 0.05, 0.01))));

    private HarnessRegistry() {
    }

    /** Every harness id, in the order a run executes them. */
    public static List<String> ids() {
        return ALL.stream().map(Entry::id).toList();
    }

    /** The harness {@code id}; an unknown id is a usage error naming the valid ones. */
    public static Entry named(String id) {
        return ALL.stream().filter(e -> e.id().equals(id)).findFirst().orElseThrow(() -> new IllegalArgumentException(
                "unknown harness '" + id + "'; valid: " + String.join(", ", ids())));
    }

    /** A companion: a further benchmark method of the harness's class, with a question and figures of its own. */
    private record Companion(String suffix, String method, String question, String workload, HeadlineEntry headline) {
    }

    private static Companion companion(String suffix, String method, String question, String workload,
                                       HeadlineEntry headline) {
        return new Companion(suffix, method, question, workload, headline);
    }

    private static Entry entry(String id, Class<?> benchmarkClass, String method, String question, String threadsParam,
                               String workload, List<HeadlineEntry> headlines, Companion... companions) {
        List<HarnessEntry> declaredCompanions = new ArrayList<>();
        for (Companion c : companions) {
            declaredCompanions.add(new HarnessEntry(id + "-" + c.suffix(), benchmarkClass.getName() + "." + c.method(),
                    c.question(), null, c.workload(), List.of(c.headline())));
        }
        return new Entry(id, benchmarkClass, new HarnessEntry(id, benchmarkClass.getName() + "." + method, question,
                threadsParam, workload, headlines), List.copyOf(declaredCompanions));
    }

    /** A headline figure of the benchmark's JMH results. */
    private static HeadlineEntry headline(String id, String label, String metric, String better, String unit,
                                          double floorRelative, double floorAbsolute) {
        return new HeadlineEntry(id, label, metric, better, unit, floorRelative, floorAbsolute, null);
    }

    /** A headline figure of the interval logs the benchmark writes. */
    private static HeadlineEntry hdr(String id, String label, String metric, String better, String unit,
                                     double floorRelative, double floorAbsolute) {
        return new HeadlineEntry(id, label, metric, better, unit, floorRelative, floorAbsolute, HeadlineEntry.HDR_SOURCE);
    }
}
