package org.epocharena.bench.throughput;

import io.netty.buffer.PooledByteBufAllocator;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.epocharena.ArenaKind;
import org.epocharena.EpochArena;
import org.epocharena.bench.baseline.Baseline;
import org.epocharena.bench.workload.ArenaAllocator;
import org.epocharena.bench.workload.EpochAllocator;
import org.epocharena.bench.workload.MixedOperation;
import org.epocharena.bench.workload.OnFull;
import org.epocharena.bench.workload.SizeMix;
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

/**
 * Throughput scaling: completed operations per second of the realistic mix (pin, allocate
 * {@value MixedOperation#BLOCKS} blocks of mixed sizes, touch them, unpin) as the number of threads
 * grows from 1 to 2048, while reclaim runs.
 *
 * <p><b>Design.</b> The threads are NOT JMH threads ({@code -t}): JMH's per-thread accounting breaks
 * under heavy oversubscription (measured here: {@code -t 1000} on 2 cores gave 18 027 ± 36 076
 * ops/µs and left 292 threads without a single operation). Instead {@code workers} threads are
 * started once per trial by a {@link WorkerPool} and counted in padded counters; the single JMH
 * thread only waits for batches of {@value #BATCH} operations ({@link Window}), so the primary score
 * is the pool's total completed operations per second, with JMH's error across iterations and forks.
 * Fairness per iteration lands in the JSON as secondary results through {@link FairnessProfiler}
 * (the suite adds it): {@code minOpsPerWorker}, {@code medianOpsPerWorker} (operations in one
 * iteration), {@code starvedShare} (share of workers with 0 operations in it) and
 * {@code neverRanShare} (share with 0 operations since the trial started). With 1000+ workers on 2
 * cores, a Linux scheduler needs on the order of a second to give each thread a time slice, so a
 * short iteration shows a high {@code starvedShare} for every design; compare designs by it, and
 * read {@code neverRanShare} for threads that make no progress at all.
 *
 * <p><b>Reclaim.</b> {@code reclaim=DEDICATED}: one extra thread reclaims every 100 µs and workers
 * back off 50 µs when the arena is full; {@code reclaim=ON_OOM}: no reclaimer, a worker that finds
 * the arena full reclaims itself. Baselines have no shared epoch: each worker's lane ends its own
 * epoch every {@value #BASELINE_EPOCH_OPS} operations (releasing that epoch's buffers).
 *
 * <p><b>Reading it.</b> Beyond the core count (2 here) more workers cannot add throughput; what the
 * curve shows is how gracefully a design degrades (lock convoys, CAS retries, reclaim scans over
 * many pin slots) and, in {@code starvedShare}, whether some threads make no progress at all.
 * Note that the measuring thread and the reclaimer take some CPU from the workers.
 *
 * <p>Run alone: {@code java -jar benchmarks/target/benchmarks.jar throughput -p kind=STRIPED
 * -p workers=1,2,64,1024 -p reclaim=DEDICATED -p baseline=JVM_NEW
 * -prof org.epocharena.bench.throughput.FairnessProfiler}
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Threads(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class ThroughputBenchmark {
    /** Operations per benchmark invocation; small against one iteration, large against a poll. */
    static final int BATCH = 1_000;
    static final int BASELINE_EPOCH_OPS = 64;
    /** Room for every worker's in-flight blocks (2048 x 4 x 1 KiB = 8 MiB) with space to spare. */
    static final int CAPACITY = 32 << 20;

    /** How an arena's epochs end during the run. */
    public enum Reclaim {
        DEDICATED, ON_OOM
    }

    @State(Scope.Benchmark)
    public static class ArenaWorkers {
        @Param
        public ArenaKind kind;

        @Param({"1", "2", "4", "16", "64", "256", "1024"})
        public int workers;

        @Param({"DEDICATED", "ON_OOM"})
        public Reclaim reclaim;

        @Param({"MIXED"})
        public SizeMix mix;

        EpochArena arena;
        WorkerPool pool;
        Window window;
        private Thread reclaimer;
        private volatile boolean stopReclaimer;

        @Setup(Level.Trial)
        public void start() {
            arena = kind.create(CAPACITY);
            ArenaAllocator allocator = new ArenaAllocator(arena);
            OnFull onFull = reclaim == Reclaim.ON_OOM ? OnFull.RECLAIM : OnFull.BACK_OFF;
            pool = new WorkerPool("arena-worker", workers, (id, stop) -> {
                MixedOperation op = new MixedOperation(allocator, mix, onFull, 0x51ED + id);
                return () -> op.run(stop);
            });
            if (reclaim == Reclaim.DEDICATED) {
                reclaimer = new Thread(() -> {
                    while (!stopReclaimer) {
                        arena.reclaim();
                        LockSupport.parkNanos(100_000);
                    }
                }, "reclaimer");
                reclaimer.setDaemon(true);
                reclaimer.start();
            }
            window = new Window(pool, BATCH);
        }

        @Setup(Level.Iteration)
        public void begin() {
            window.begin();
        }

        @TearDown(Level.Iteration)
        public void end() {
            window.end();
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
                arena.close();
            }
        }
    }

    @State(Scope.Benchmark)
    public static class BaselineWorkers {
        @Param
        public Baseline baseline;

        @Param({"1", "2", "4", "16", "64", "256", "1024"})
        public int workers;

        @Param({"MIXED"})
        public SizeMix mix;

        WorkerPool pool;
        Window window;
        /** Every worker's lane, closed once the workers stopped: Netty buffers of the open epoch are released. */
        final List<EpochAllocator> lanes = new CopyOnWriteArrayList<>();

        @Setup(Level.Trial)
        public void start() {
            PooledByteBufAllocator netty = Baseline.newNettyPool();
            pool = new WorkerPool("baseline-worker", workers, (id, stop) -> {
                EpochAllocator lane = baseline.lane(netty);
                lanes.add(lane);
                MixedOperation op = new MixedOperation(lane, mix, OnFull.RECLAIM, 0x51ED + id);
                int[] sinceEpoch = new int[1];
                return () -> {
                    long result = op.run(stop);
                    if (++sinceEpoch[0] == BASELINE_EPOCH_OPS) {
                        sinceEpoch[0] = 0;
                        lane.endEpoch();
                    }
                    return result;
                };
            });
            window = new Window(pool, BATCH);
        }

        @Setup(Level.Iteration)
        public void begin() {
            window.begin();
        }

        @TearDown(Level.Iteration)
        public void end() {
            window.end();
        }

        @TearDown(Level.Trial)
        public void stop() {
            try {
                pool.close();
            } finally {
                lanes.forEach(EpochAllocator::close);
            }
        }
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public void arena(ArenaWorkers workers) {
        workers.window.next();
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public void baseline(BaselineWorkers workers) {
        workers.window.next();
    }
}
