package org.epocharena.bench.latency;

import java.util.concurrent.TimeUnit;
import org.HdrHistogram.SingleWriterRecorder;
import org.epocharena.bench.alloc.Allocator;
import org.epocharena.bench.alloc.Impls;
import org.epocharena.bench.alloc.Lane;
import org.epocharena.bench.workload.Touch;
import org.epocharena.runformat.SideFiles;
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
 * "a request arriving at a random moment waits this long". Values of a few tens of ns are at the
 * timer's cost and granularity ({@code nanoTime} is a vDSO clock read, itself a few tens of ns);
 * compare designs by their tails and by JMH's percentiles rather than by their medians. With more threads
 * than cores, the tail is dominated by the OS scheduler (a descheduled thread's call spans a time slice).
 *
 * <p><b>Workload, the same for every {@code impl}.</b> Fixed-size blocks of {@value #SIZE} B, each
 * written and read back (16 bytes, {@link Touch}, not timed); each thread ends the allocator's epoch
 * every {@value #EPOCH_OPS} of its calls and immediately after a failed call (not timed), so an arena
 * never stays full.
 *
 * <p>Run alone: {@code java -jar benchmarks/target/benchmarks.jar latency -t 2 -p impl=NETTY_POOLED
 * -jvmArgsAppend -Depocharena.hdr.dir=/tmp/hdr} (the forks read the folder from their JVM arguments;
 * without it the files land in {@code target/hdr}).
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class LatencyBenchmark {
    /** Its harness id, which names the interval logs it writes. */
    public static final String HARNESS = "latency";
    static final int EPOCH_OPS = 256;
    /** One block size: latency by size is not the question here, and each size would be another fork. */
    static final int SIZE = 64;
    /** Enough for 64 threads x 256 blocks x 1 KiB with room to spare: a failure is rare. */
    static final int CAPACITY = 32 << 20;

    /** One trial's allocator (shared by all threads) and its HdrHistogram output. */
    @State(Scope.Benchmark)
    public static class Side {
        @Param({Impls.DEFAULT})
        public String impl;

        Allocator allocator;
        HdrOutput hdr;

        @Setup(Level.Trial)
        public void open(BenchmarkParams params) {
            open(params.getThreads());
        }

        void open(int threads) {
            allocator = Impls.named(impl).create(CAPACITY);
            hdr = new HdrOutput(SideFiles.intervalLogStem(HARNESS, impl, threads));
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

        @TearDown(Level.Trial)
        public void close() {
            hdr.finish();
            allocator.close();
        }
    }

    /** One thread's lane, recorder and epoch counter. */
    @State(Scope.Thread)
    public static class Caller {
        Lane lane;
        SingleWriterRecorder recorder;
        boolean recording;
        int sinceEpoch;
        long random = 0x1A7E;
        long failures;

        @Setup(Level.Trial)
        public void open(Side side) {
            lane = side.allocator.lane();
            recorder = side.hdr.newRecorder();
        }

        @Setup(Level.Iteration)
        public void beginIteration(IterationParams iteration) {
            recording = iteration.getType() == IterationType.MEASUREMENT;
        }

        @TearDown(Level.Trial)
        public void close() {
            lane.release();
        }

        long allocate() {
            if (++sinceEpoch == EPOCH_OPS) {
                sinceEpoch = 0;
                lane.endEpoch();
            }
            // Pinned, as a user touching its block while other threads end epochs must be; the pin is
            // outside the timed call, which is the allocation alone.
            long block;
            long pin = lane.pin();
            try {
                long start = System.nanoTime();
                block = lane.allocate(SIZE);
                long elapsed = System.nanoTime() - start;
                if (recording) {
                    recorder.recordValue(elapsed);
                }
                if (block != Lane.FAILED) {
                    return Touch.touch(lane, block, SIZE, ++random);
                }
            } finally {
                lane.unpin(pin);
            }
            failures++;
            lane.endEpoch(); // unpinned now, so the end of the epoch frees what this thread held
            return block;
        }
    }

    @Benchmark
    public long allocate(Caller caller) {
        return caller.allocate();
    }
}
