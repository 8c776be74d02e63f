package org.epocharena.bench.latency;

import io.netty.buffer.PooledByteBufAllocator;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.SingleWriterRecorder;
import org.epocharena.ArenaKind;
import org.epocharena.bench.baseline.Baseline;
import org.epocharena.bench.workload.ArenaAllocator;
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
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.runner.IterationType;

/**
 * Allocate latency: how long one {@code allocate} takes, tail included, at 1, 2 and many threads
 * (JMH {@code -t}; the shared arena sees every thread).
 *
 * <p><b>What is measured.</b> Each call is timed with two {@code System.nanoTime()} reads around the
 * allocator's allocate ({@code tryAllocate} for arenas, so a full arena is a return value) and
 * recorded into a per-thread HdrHistogram, written at the end of the trial as
 * {@code latency-<impl>-t<threads>.hgrm} (µs) and {@code .hlog} (ns, one interval per measurement
 * iteration) in {@code -Depocharena.hdr.dir} (default {@code target/hdr}). The same method runs in
 * JMH {@code SampleTime}, so the JSON carries JMH's own percentiles (p50..p99.99, max) in
 * {@code scorePercentiles}; those include the in-method timing and recording (two nanoTime reads
 * plus a recorder write, a few tens of ns) and, once every {@value #EPOCH_OPS} calls, the thread's
 * own end of epoch. The .hgrm holds only the allocate call itself.
 *
 * <p><b>How to read it.</b> This is service time per call, measured back to back: there is no
 * intended schedule, so there is no coordinated-omission correction, and a stall delays the next
 * call instead of queueing more of them; a p99.99 here says "1 call in 10 000 took this long", not
 * "a request arriving at a random moment waits this long". Values below ~25-50 ns are at the timer's
 * cost and granularity ({@code nanoTime} is a vDSO clock read, ~20-25 ns on this machine); compare
 * designs by their tails and by JMH's percentiles rather than by sub-50 ns medians. With more threads
 * than cores, the tail is dominated by the OS scheduler (a descheduled thread's call spans a time slice).
 *
 * <p><b>Workload.</b> Fixed-size blocks of {@value #SIZE} B; each thread ends the epoch every
 * {@value #EPOCH_OPS} of its calls and immediately after a failed call (not timed), so the arena
 * never stays full. Baselines: one lane per thread ({@code new byte[]} or Netty pooled buffers,
 * released when the lane's epoch ends).
 *
 * <p>Run alone: {@code java -jar benchmarks/target/benchmarks.jar latency -t 2 -p kind=STRIPED
 * -p baseline=NETTY_HEAP -jvmArgsAppend -Depocharena.hdr.dir=/tmp/hdr} (the forks read the folder
 * from their JVM arguments; without it the files land in {@code target/hdr}).
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class LatencyBenchmark {
    static final int EPOCH_OPS = 256;
    /** One block size: latency by size is not the question here, and each size would be another fork. */
    static final int SIZE = 64;
    /** Enough for 64 threads x 256 blocks x 1 KiB with room to spare: a failure is rare. */
    static final int CAPACITY = 32 << 20;

    /** One trial's allocator (shared by all threads for arenas) and its HdrHistogram output. */
    public abstract static class Side {
        HdrOutput hdr;

        abstract String impl();

        abstract EpochAllocator allocatorForThread();

        void open(BenchmarkParams params) {
            hdr = new HdrOutput("latency-" + impl() + "-t" + params.getThreads());
        }

        @Setup(Level.Iteration)
        public void beginIteration() {
            hdr.discard();
        }

        @TearDown(Level.Iteration)
        public void endIteration(IterationParams iteration) {
            if (iteration.getType() == IterationType.MEASUREMENT) {
                hdr.endInterval();
            }
        }
    }

    @State(Scope.Benchmark)
    public static class ArenaSide extends Side {
        @Param
        public ArenaKind kind;

        ArenaAllocator allocator;

        @Setup(Level.Trial)
        public void open(BenchmarkParams params) {
            allocator = new ArenaAllocator(kind.create(CAPACITY));
            super.open(params);
        }

        @TearDown(Level.Trial)
        public void close() {
            hdr.finish();
            allocator.close();
        }

        @Override
        String impl() {
            return kind.name();
        }

        @Override
        EpochAllocator allocatorForThread() {
            return allocator;
        }
    }

    @State(Scope.Benchmark)
    public static class BaselineSide extends Side {
        @Param
        public Baseline baseline;

        PooledByteBufAllocator netty;

        @Setup(Level.Trial)
        public void open(BenchmarkParams params) {
            netty = Baseline.newNettyPool();
            super.open(params);
        }

        @TearDown(Level.Trial)
        public void close() {
            hdr.finish();
        }

        @Override
        String impl() {
            return baseline.name();
        }

        @Override
        EpochAllocator allocatorForThread() {
            return baseline.lane(netty);
        }
    }

    /** One thread's allocator view, recorder and epoch counter. */
    public abstract static class Caller {
        EpochAllocator allocator;
        SingleWriterRecorder recorder;
        boolean recording;
        int sinceEpoch;
        long failures;

        void open(Side side) {
            allocator = side.allocatorForThread();
            recorder = side.hdr.newRecorder();
        }

        @Setup(Level.Iteration)
        public void beginIteration(IterationParams iteration) {
            recording = iteration.getType() == IterationType.MEASUREMENT;
        }

        @TearDown(Level.Trial)
        public void close() {
            if (!allocator.sharedAcrossThreads()) {
                allocator.close();
            }
        }

        long allocate() {
            if (++sinceEpoch == EPOCH_OPS) {
                sinceEpoch = 0;
                allocator.endEpoch();
            }
            long start = System.nanoTime();
            long block = allocator.allocate(SIZE);
            long elapsed = System.nanoTime() - start;
            if (recording) {
                recorder.recordValue(elapsed);
            }
            if (block == EpochAllocator.FAILED) {
                failures++;
                allocator.endEpoch();
            }
            return block;
        }
    }

    @State(Scope.Thread)
    public static class ArenaCaller extends Caller {
        @Setup(Level.Trial)
        public void open(ArenaSide side) {
            super.open(side);
        }
    }

    @State(Scope.Thread)
    public static class BaselineCaller extends Caller {
        @Setup(Level.Trial)
        public void open(BaselineSide side) {
            super.open(side);
        }
    }

    @Benchmark
    public long arena(ArenaCaller caller) {
        return caller.allocate();
    }

    @Benchmark
    public long baseline(BaselineCaller caller) {
        return caller.allocate();
    }
}
