package org.epocharena.bench.throughput;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.epocharena.bench.alloc.Allocator;
import org.epocharena.bench.alloc.Impls;
import org.epocharena.bench.alloc.Lane;
import org.epocharena.bench.workload.MixedOperation;
import org.epocharena.bench.workload.OnFull;
import org.epocharena.bench.workload.SizeMix;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Control;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.runner.IterationType;

/**
 * Throughput scaling: completed operations per second of the realistic mix ({@link MixedOperation}:
 * pin, allocate {@value MixedOperation#BLOCKS} blocks of mixed sizes, write and read 16 bytes of
 * each, unpin) as the number of threads grows from 1 to 2048, for every arena design and baseline
 * ({@code impl}), all doing the same work per operation with the same epochs.
 *
 * <p><b>Headline: the secondary result {@code operations}</b> (ops/s), counted by the one clock of
 * {@link Window}: operations between the same two instants as JMH's iteration time. JMH's primary
 * score (batches the measuring thread saw, x {@value #BATCH}) is kept for comparison with older runs;
 * it undercounts when the measuring thread waits among 1000+ runnable threads.
 *
 * <p><b>Design.</b> The threads are NOT JMH threads ({@code -t}): JMH's per-thread accounting breaks
 * under heavy oversubscription. {@code workers} threads are started once per trial by a
 * {@link WorkerPool} (of the allocator's kind of thread: Netty's baselines get
 * {@code FastThreadLocalThread}s) and counted in padded counters; the single JMH thread only waits
 * for batches. Fairness per iteration lands in the JSON through {@link FairnessProfiler}
 * ({@code minOpsPerWorker}, {@code medianOpsPerWorker}, {@code starvedShare}, {@code neverRanShare}).
 *
 * <p><b>Epochs.</b> {@code reclaim=WORKERS}: each worker ends the allocator's epoch every
 * {@value MixedOperation#EPOCH_OPS} of its operations (so about one epoch end per 64 operations of
 * the whole pool, and the live set is the blocks of the last ~64 operations, for arenas and baselines
 * alike); a worker that finds an arena full ends the epoch too. {@code reclaim=DEDICATED}: one extra
 * thread ends the epoch every 100 µs and workers back off 50 µs when the allocator is full.
 *
 * <p>Run alone: {@code java -jar benchmarks/target/benchmarks.jar throughput -p impl=JVM_NEW
 * -p workers=1,2,64,1024 -prof org.epocharena.bench.throughput.FairnessProfiler} ({@code impl} has
 * no default: {@code java -cp benchmarks/target/benchmarks.jar org.epocharena.bench.suite.Suite --list}
 * lists the names).
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Threads(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms4g", "-Xmx4g"})
public class ThroughputBenchmark {
    /** Operations per benchmark invocation; small against one iteration, large against a poll. */
    static final int BATCH = 1_000;
    /** The largest whole number of MiB an arena's pool may have ({@code Integer.MAX_VALUE - 8} bytes). */
    static final int MAX_POOL_MIB = (Integer.MAX_VALUE - 8) >> 20;


    /** Who ends the epochs during the run. */
    public enum Reclaim {
        WORKERS, DEDICATED
    }

    @State(Scope.Benchmark)
    public static class Workers {
        @Param({Impls.DEFAULT})
        public String impl;

        @Param({"1", "2", "4", "16", "64", "256", "1024"})
        public int workers;

        @Param({"WORKERS", "DEDICATED"})
        public Reclaim reclaim;

        @Param({"MIXED"})
        public SizeMix mix;

        /**
         * The arena's pool, MiB: 1 GiB by default, a quarter of the fork's heap, which the baselines may
         * fill with their own garbage. Not the few MiB of in-flight blocks: with a thousand workers on
         * two cores a worker is often preempted while pinned, and its pin holds every block allocated
         * after its epoch until it runs again. A pool of tens of MiB is then full most of the trial and
         * the figure measures waiting for pins, not allocating (docs/harnesses.md has the figures);
         * {@code -p poolMiB=32} shows it, and the held harness shows that cost of a stalled pin on its
         * own. Baselines ignore it.
         */
        @Param({"1024"})
        public int poolMiB;

        Allocator allocator;
        WorkerPool pool;
        Window window;
        private Lane[] lanes;
        private Thread reclaimer;
        private volatile boolean stopReclaimer;

        @Setup(Level.Trial)
        public void start() {
            if (poolMiB < 1 || poolMiB > MAX_POOL_MIB) {
                throw new IllegalArgumentException("poolMiB must be between 1 and " + MAX_POOL_MIB
                        + " (the largest arena pool), was " + poolMiB);
            }
            allocator = Impls.named(impl).create(poolMiB << 20);
            lanes = new Lane[workers];
            boolean dedicated = reclaim == Reclaim.DEDICATED;
            pool = new WorkerPool("worker", workers, allocator::newThread, (id, stop) -> {
                lanes[id] = allocator.lane();
                MixedOperation op = new MixedOperation(lanes[id], mix, dedicated ? OnFull.BACK_OFF : OnFull.RECLAIM,
                        dedicated ? 0 : MixedOperation.EPOCH_OPS, 0x51ED + id);
                return () -> op.run(stop);
            }, id -> lanes[id].release());
            if (dedicated) {
                reclaimer = new Thread(() -> {
                    while (!stopReclaimer) {
                        allocator.endEpoch();
                        LockSupport.parkNanos(100_000);
                    }
                }, "reclaimer");
                reclaimer.setDaemon(true);
                reclaimer.start();
            }
            window = new Window(pool, BATCH);
        }

        /** For the one-clock test: each measured iteration's operations and nanoseconds, taken outside JMH. */
        private static volatile boolean recordSpans;
        private static final List<long[]> SPANS = new CopyOnWriteArrayList<>();
        private boolean measured;
        private long spanOps;
        private long spanNanos;

        /** Starts (a fresh list) or stops recording; the spans stay readable after it stops. */
        static void recordSpans(boolean on) {
            if (on) {
                SPANS.clear();
            }
            recordSpans = on;
        }

        static List<long[]> spans() {
            return SPANS;
        }

        @Setup(Level.Iteration)
        public void begin(IterationParams iteration) {
            measured = recordSpans && iteration != null && iteration.getType() == IterationType.MEASUREMENT;
            if (measured) {
                spanNanos = System.nanoTime();
                spanOps = pool.total();
            }
            window.begin();
        }

        @TearDown(Level.Iteration)
        public void end() {
            window.end();
            if (measured) {
                SPANS.add(new long[] {pool.total() - spanOps, System.nanoTime() - spanNanos});
            }
        }

        @TearDown(Level.Trial)
        public void stop() throws InterruptedException {
            try {
                pool.close();
            } finally {
                stopReclaimer = true;
                if (reclaimer != null) {
                    reclaimer.join(5_000);
                }
                allocator.close();
            }
        }
    }

    /** The one-clock count: JMH divides {@code operations} by its own iteration time (see {@link Window}). */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    public static class Clock {
        public long operations;

        @Setup(Level.Iteration)
        public void reset() {
            operations = 0;
        }
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public void run(Workers workers, Clock clock, Control control) {
        clock.operations = workers.window.next(control.startMeasurement && !control.stopMeasurement);
    }
}
