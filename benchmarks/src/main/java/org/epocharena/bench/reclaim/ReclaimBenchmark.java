package org.epocharena.bench.reclaim;

import io.netty.buffer.PooledByteBufAllocator;
import java.util.concurrent.TimeUnit;
import org.epocharena.ArenaKind;
import org.epocharena.EpochArena;
import org.epocharena.bench.baseline.Baseline;
import org.epocharena.bench.workload.EpochAllocator;
import org.epocharena.bench.workload.Figures;
import org.epocharena.bench.workload.SizeMix;
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
 * Reclaim pause: the cost of one {@code reclaim()} that frees {@code liveBlocks} blocks (10, 1 000,
 * 100 000), JMH {@code SampleTime} in µs (score = mean, {@code scorePercentiles} = the spread). For
 * baselines the same epoch end: a Netty lane releases that many pooled buffers; a {@code new byte[]}
 * lane only drops its references, so its figure is near zero and the real cost is paid later by the
 * garbage collector (see the garbage harness and {@code -prof gc}).
 *
 * <p>Setup refills the blocks before EVERY invocation ({@code Level.Invocation}), outside the
 * measurement: a reclaim is destructive, so it can only be measured once per fill. Level.Invocation's
 * own timestamp cost (tens of ns) is small against a reclaim of many blocks, and for 10 blocks the
 * figure is read as "at or below this". Blocks are 16..64 bytes, allocated unpinned in one epoch, so
 * the reclaim frees all of them. A fill is bounded by {@value #FILL_BUDGET_MS} ms (REFERENCE's first
 * fit may be slow at 100 000 blocks): the secondary {@code liveBlocks} says how many were really live,
 * so a bounded fill is visible, never hidden.
 *
 * <p>Run alone: {@code java -jar benchmarks/target/benchmarks.jar reclaim -p kind=STRIPED
 * -p liveBlocks=10,100000 -p baseline=NETTY_DIRECT -prof org.epocharena.bench.workload.FiguresProfiler}
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Threads(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class ReclaimBenchmark {
    static final int CAPACITY = 16 << 20;
    static final long FILL_BUDGET_MS = 500;

    /** One invocation's blocks: sizes 16..64 from a fixed sequence, stopped at the time budget. */
    abstract static class Live {
        long live;
        long liveSum;
        long fills;

        void fill(EpochAllocator allocator, int blocks) {
            long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(FILL_BUDGET_MS);
            long random = 0x5EED;
            live = 0;
            for (int i = 0; i < blocks; i++) {
                random = SizeMix.next(random);
                if (allocator.allocate(16 + (int) ((random >>> 33) % 49)) == EpochAllocator.FAILED) {
                    break;
                }
                live++;
                if ((i & 1023) == 1023 && System.nanoTime() > deadline) {
                    break;
                }
            }
            liveSum += live;
            fills++;
        }

        void report() {
            if (fills > 0) {
                Figures.addAll("liveBlocks", "blocks", liveSum, fills);
            }
            liveSum = 0;
            fills = 0;
        }
    }

    @State(Scope.Thread)
    public static class ArenaLive extends Live {
        @Param
        public ArenaKind kind;

        @Param({"10", "1000", "100000"})
        public int liveBlocks;

        EpochArena arena;
        EpochAllocator allocator;

        @Setup(Level.Trial)
        public void open() {
            arena = kind.create(CAPACITY);
            allocator = new org.epocharena.bench.workload.ArenaAllocator(arena);
        }

        @Setup(Level.Invocation)
        public void refill() {
            fill(allocator, liveBlocks);
        }

        @TearDown(Level.Iteration)
        public void endIteration() {
            report();
        }

        @TearDown(Level.Trial)
        public void close() {
            arena.close();
        }
    }

    @State(Scope.Thread)
    public static class BaselineLive extends Live {
        @Param
        public Baseline baseline;

        @Param({"10", "1000", "100000"})
        public int liveBlocks;

        EpochAllocator lane;

        @Setup(Level.Trial)
        public void open() {
            PooledByteBufAllocator netty = Baseline.newNettyPool();
            lane = baseline.lane(netty);
        }

        @Setup(Level.Invocation)
        public void refill() {
            fill(lane, liveBlocks);
        }

        @TearDown(Level.Iteration)
        public void endIteration() {
            report();
        }

        @TearDown(Level.Trial)
        public void close() {
            lane.close();
        }
    }

    @Benchmark
    public long arena(ArenaLive s) {
        return s.arena.reclaim();
    }

    @Benchmark
    public long baseline(BaselineLive s) {
        return s.lane.endEpoch();
    }
}
