package org.epocharena.bench.safety;

import java.util.concurrent.TimeUnit;
import org.epocharena.ArenaKind;
import org.epocharena.EpochArena;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Does an arena get its fast path back after a thread pool replaced its threads? Before the
 * measurement, 10 000 threads each allocate one block and end (a reclaim after each), the way
 * short-lived workers use a long-lived arena: in the measured arena for {@code CHURNED}, in a scratch
 * arena of the same design for {@code FRESH}, so that both runs leave the JIT the same profile and only
 * the arena's own state differs. The measured
 * thread then calls {@code tryAllocate(64)} exactly as {@code AllocationCostBenchmark} does. A design
 * whose per-thread resources (a chunk, a budget unit, a pin slot) stay with threads that ended sends
 * the newcomer down a slower shared path; the two figures should match within the noise.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar ChurnRecovery -f 2 -p kind=THREAD_CHUNKS,STRIPED}
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@State(Scope.Thread)
public class ChurnRecoveryBenchmark {
    private static final int THREADS = 10_000;
    private static final int EPOCH_OPS = 4096;

    @Param({"THREAD_CHUNKS"})
    public ArenaKind kind;

    /** Whose arena the 10 000 threads churn before the measurement: a scratch one, or the measured one. */
    public enum History { FRESH, CHURNED }

    @Param({"FRESH", "CHURNED"})
    public History history;

    private EpochArena arena;
    private int sinceEpoch;

    @Setup(Level.Trial)
    public void open() throws InterruptedException {
        arena = kind.create(16 << 20);
        EpochArena churn = history == History.CHURNED ? arena : kind.create(16 << 20);
        for (int t = 0; t < THREADS; t++) {
            Thread worker = new Thread(() -> churn.tryAllocate(64));
            worker.start();
            worker.join();
            churn.reclaim();
        }
        if (churn != arena) {
            churn.close();
        }
    }

    @TearDown(Level.Trial)
    public void close() {
        arena.close();
    }

    @Benchmark
    public long tryAllocate() {
        long block = arena.tryAllocate(64);
        if (block == EpochArena.OUT_OF_MEMORY || ++sinceEpoch == EPOCH_OPS) {
            sinceEpoch = 0;
            arena.reclaim();
        }
        return block;
    }
}
