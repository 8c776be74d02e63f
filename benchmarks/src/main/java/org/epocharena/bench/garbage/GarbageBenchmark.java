package org.epocharena.bench.garbage;

import io.netty.buffer.PooledByteBufAllocator;
import java.util.concurrent.TimeUnit;
import org.epocharena.ArenaKind;
import org.epocharena.EpochArena;
import org.epocharena.bench.baseline.Baseline;
import org.epocharena.bench.workload.EpochAllocator;
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
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Heap garbage: Java heap bytes allocated per operation, read from JMH's {@code -prof gc} secondary
 * result {@code gc.alloc.rate.norm} (B/op; the suite adds the profiler for this harness). SPEC asks
 * for 0 B/op on both paths of {@code tryAllocate} and, ideally, for {@code pin()} + close.
 *
 * <ul>
 *   <li>{@code tryAllocateSuccess}: a 64-byte {@code tryAllocate} that succeeds; when the arena is
 *       full the same call reclaims (every ~{@value #CAPACITY}/64 calls), so the figure includes any
 *       garbage of reclaim amortized over ~260 000 allocations.</li>
 *   <li>{@code tryAllocateFailure}: {@code tryAllocate} on a full arena (must return
 *       {@code OUT_OF_MEMORY} without allocating).</li>
 *   <li>{@code pinUnpin}: {@code try (var g = arena.pin()) { ... }}.</li>
 *   <li>{@code baseline}: the same 64-byte allocation through a baseline lane, the lane ending its
 *       epoch every {@value #EPOCH_OPS} calls: {@code new byte[64]} shows its 80 B/op; Netty shows
 *       what its pooled path costs in objects.</li>
 * </ul>
 * The time per operation (ns/op) is reported too, but -prof gc perturbs it; read timing from the
 * latency harness.
 *
 * <p>Run alone: {@code java -jar benchmarks/target/benchmarks.jar garbage -prof gc -p kind=STRIPED}
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Threads(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class GarbageBenchmark {
    static final int CAPACITY = 16 << 20;
    static final int SIZE = 64;
    static final int EPOCH_OPS = 256;

    @State(Scope.Thread)
    public static class ArenaState {
        @Param
        public ArenaKind kind;

        EpochArena arena;
        EpochArena full;

        @Setup(Level.Trial)
        public void open() {
            arena = kind.create(CAPACITY);
            full = kind.create(64 << 10);
            while (full.tryAllocate(EpochArena.MIN_BLOCK) != EpochArena.OUT_OF_MEMORY) {
                // fill it: every later request fails
            }
        }

        @TearDown(Level.Trial)
        public void close() {
            arena.close();
            full.close();
        }
    }

    @State(Scope.Thread)
    public static class BaselineState {
        @Param
        public Baseline baseline;

        EpochAllocator lane;
        int sinceEpoch;

        @Setup(Level.Trial)
        public void open() {
            PooledByteBufAllocator netty = Baseline.newNettyPool();
            lane = baseline.lane(netty);
        }

        @TearDown(Level.Trial)
        public void close() {
            lane.close();
        }
    }

    @Benchmark
    public long tryAllocateSuccess(ArenaState s) {
        long handle = s.arena.tryAllocate(SIZE);
        if (handle == EpochArena.OUT_OF_MEMORY) {
            s.arena.reclaim();
        }
        return handle;
    }

    @Benchmark
    public long tryAllocateFailure(ArenaState s) {
        return s.full.tryAllocate(SIZE);
    }

    @Benchmark
    public long pinUnpin(ArenaState s) {
        try (EpochArena.Guard guard = s.arena.pin()) {
            return guard.epoch();
        }
    }

    @Benchmark
    public long baseline(BaselineState s) {
        if (++s.sinceEpoch == EPOCH_OPS) {
            s.sinceEpoch = 0;
            s.lane.endEpoch();
        }
        return s.lane.allocate(SIZE);
    }
}
