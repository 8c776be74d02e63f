package org.epocharena.bench.held;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.epocharena.bench.alloc.Allocator;
import org.epocharena.bench.alloc.Impls;
import org.epocharena.bench.alloc.Lane;
import org.epocharena.bench.throughput.WorkerPool;
import org.epocharena.bench.workload.Figures;
import org.epocharena.bench.workload.MixedOperation;
import org.epocharena.bench.workload.OnFull;
import org.epocharena.bench.workload.SizeMix;
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
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.runner.IterationType;

/**
 * Memory held back by a stalled thread: {@code workers} threads run the realistic mix
 * ({@link MixedOperation}, ending the epoch every {@value MixedOperation#EPOCH_OPS} operations),
 * and one more thread pins, takes a few blocks and then stalls (sleeps) for {@value #STALL_MS} ms
 * holding them. Every {@value #SAMPLE_MS} ms the measuring thread samples the bytes the allocator
 * cannot hand out again ({@code Allocator.heldBytes()}: an arena's {@code usedBytes()}; a baseline's
 * blocks still referenced, Netty's pool usage) and the failed allocations so far.
 *
 * <p>An epoch arena cannot free the stalled thread's epoch or any later one while the pin lasts, so
 * its held bytes climb to the capacity ({@value #CAPACITY} bytes) and allocation fails until the
 * stall ends; a baseline only keeps the stalled thread's own blocks. Each iteration is one
 * {@value #BEFORE_MS} ms + {@value #STALL_MS} ms + {@value #AFTER_MS} ms timeline
 * ({@code SingleShotTime}: the primary score is the timeline's length, context only). Secondary
 * results: {@code heldBytesPeak} (bytes, the most held during the stall) and
 * {@code failuresDuringStall} (failed allocation attempts while it lasted). The samples of the last
 * measured iteration go to {@code <-Depocharena.held.dir>/<impl>.csv}
 * ({@code elapsed_ms,held_bytes,failed_allocations,stall_active}; default folder {@code target/held}).
 *
 * <p>Run alone: {@code java -jar benchmarks/target/benchmarks.jar held -p impl=JVM_NEW}
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Threads(1)
@Warmup(iterations = 1)
@Measurement(iterations = 3)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class StalledThreadBenchmark {
    static final String DIR_PROPERTY = "epocharena.held.dir";
    static final int CAPACITY = 4 << 20;
    static final long BEFORE_MS = 50;
    static final long STALL_MS = 200;
    static final long AFTER_MS = 100;
    static final long SAMPLE_MS = 2;

    /** One sample of the timeline. */
    record Sample(double elapsedMs, long heldBytes, long failures, boolean stallActive) {
    }

    @State(Scope.Benchmark)
    public static class Run {
        @Param({Impls.DEFAULT})
        public String impl;

        @Param({"4"})
        public int workers;

        Allocator allocator;
        WorkerPool pool;
        MixedOperation[] ops;
        Lane[] lanes;
        boolean measuring;

        @Setup(Level.Trial)
        public void start() {
            allocator = Impls.named(impl).create(CAPACITY);
            ops = new MixedOperation[workers];
            lanes = new Lane[workers];
            pool = new WorkerPool("held-worker", workers, allocator::newThread, (id, stop) -> {
                lanes[id] = allocator.lane();
                ops[id] = new MixedOperation(lanes[id], SizeMix.MIXED, OnFull.RECLAIM, MixedOperation.EPOCH_OPS, 0x57A11 + id);
                MixedOperation op = ops[id];
                return () -> op.run(stop);
            }, id -> lanes[id].release());
        }

        @Setup(Level.Iteration)
        public void begin(IterationParams iteration) {
            measuring = iteration.getType() == IterationType.MEASUREMENT;
        }

        long failures() {
            long sum = 0;
            for (MixedOperation op : ops) {
                if (op != null) {
                    sum += op.failures();
                }
            }
            return sum;
        }

        @TearDown(Level.Trial)
        public void stop() {
            try {
                pool.close();
            } finally {
                allocator.close();
            }
        }
    }

    @Benchmark
    public long stall(Run run) throws InterruptedException {
        CountDownLatch pinned = new CountDownLatch(1);
        CountDownLatch released = new CountDownLatch(1);
        long begin = System.nanoTime();
        Thread stalled = run.allocator.newThread(() -> holdThenStall(run.allocator, pinned, released),
                "stalled", 256 * 1024);
        stalled.setDaemon(true);
        List<Sample> samples = new ArrayList<>();
        long end = begin + TimeUnit.MILLISECONDS.toNanos(BEFORE_MS + STALL_MS + AFTER_MS);
        long stallAt = begin + TimeUnit.MILLISECONDS.toNanos(BEFORE_MS);
        boolean started = false;
        long failuresAtStall = 0;
        long failuresAfterStall = -1;
        long peak = 0;
        for (long now = System.nanoTime(); now < end; now = System.nanoTime()) {
            if (!started && now >= stallAt) {
                started = true;
                failuresAtStall = run.failures();
                stalled.start();
                pinned.await();
            }
            boolean active = started && released.getCount() > 0;
            long held = run.allocator.heldBytes();
            long failures = run.failures();
            if (active) {
                peak = Math.max(peak, held);
            } else if (started && failuresAfterStall < 0) {
                failuresAfterStall = failures;
            }
            samples.add(new Sample((now - begin) / 1e6, held, failures, active));
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(SAMPLE_MS));
        }
        stalled.join(5_000);
        long stallFailures = (failuresAfterStall < 0 ? run.failures() : failuresAfterStall) - failuresAtStall;
        if (run.measuring) {
            Figures.addAll("heldBytesPeak", "bytes", peak, 1);
            Figures.addAll("failuresDuringStall", "failures", stallFailures, 1);
            write(run.impl, samples);
        }
        return samples.size();
    }

    /** The stalled thread: pins, takes a few blocks, sleeps holding them, lets go. */
    private static void holdThenStall(Allocator allocator, CountDownLatch pinned, CountDownLatch released) {
        Lane lane = allocator.lane();
        long pin = lane.pin();
        try {
            for (int i = 0; i < MixedOperation.BLOCKS; i++) {
                lane.allocate(64);
            }
            pinned.countDown();
            Thread.sleep(STALL_MS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            lane.unpin(pin);
            pinned.countDown();
            released.countDown();
            lane.release();
        }
    }

    private static void write(String impl, List<Sample> samples) {
        Path dir = Path.of(System.getProperty(DIR_PROPERTY, "target/held"));
        try {
            Files.createDirectories(dir);
            try (Writer out = Files.newBufferedWriter(dir.resolve(SideFiles.heldName(impl)), StandardCharsets.UTF_8);
                 CSVPrinter csv = new CSVPrinter(out, CSVFormat.DEFAULT.builder()
                         .setHeader(SideFiles.HELD_HEADER.toArray(String[]::new)).build())) {
                for (Sample s : samples) {
                    csv.printRecord(String.format(java.util.Locale.ROOT, "%.3f", s.elapsedMs()), s.heldBytes(),
                            s.failures(), s.stallActive());
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot write " + dir.resolve(SideFiles.heldName(impl)), e);
        }
    }
}
