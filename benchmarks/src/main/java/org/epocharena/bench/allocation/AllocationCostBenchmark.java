package org.epocharena.bench.allocation;

import java.util.concurrent.TimeUnit;
import org.epocharena.EpochArena;
import org.epocharena.bench.alloc.Allocator;
import org.epocharena.bench.alloc.Impls;
import org.epocharena.bench.alloc.Lane;
import org.epocharena.bench.suite.ArenaOnly;
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
 * Allocation cost: what one 64-byte allocation costs, every design against every baseline
 * ({@code new byte[64]}, Netty, FFM), in operations per second and, with {@code -prof gc} (the suite
 * adds it), Java heap bytes per operation ({@code gc.alloc.rate.norm}) beside it. The suite runs it
 * at 1 and 2 JMH threads ({@code -t}), every implementation in the same JMH run.
 *
 * <ul>
 *   <li>{@code tryAllocate}: one {@code tryAllocate(64)} (a baseline's allocate). Every allocator
 *       ends its epoch every {@value #EPOCH_OPS} allocations of a thread (256 KiB of blocks) and
 *       when it is full, so reclaim (or the baseline's release, or the collector's work for
 *       {@code new byte[]}) is amortized in the figure.</li>
 *   <li>{@code pinAllocateClose}: pin, one allocation, unpin, with a design's stamped pin
 *       ({@code pinStamp()} / {@code unpin(long)}): a guard is a fresh object per pin (a reused one
 *       could be closed again by a stale reference), which escape analysis removes only in some shapes
 *       and JDKs; {@code bench.safety.PinShapesBenchmark} measures each shape.</li>
 *   <li>{@code failedTryAllocate} (arenas only): {@code tryAllocate(64)} on a full arena; SPEC: no
 *       heap allocation on the failure path either.</li>
 * </ul>
 *
 * <p>Run alone: {@code java -jar benchmarks/target/benchmarks.jar AllocationCost -t 2 -prof gc
 * -p impl=JVM_NEW,NETTY_POOLED}
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class AllocationCostBenchmark {
    static final int SIZE = 64;
    static final int EPOCH_OPS = 4096;
    static final int CAPACITY = 16 << 20;

    @State(Scope.Benchmark)
    public static class Shared {
        @Param({Impls.DEFAULT})
        public String impl;

        Allocator allocator;
        /** A full arena for the failure path (arena designs only). */
        EpochArena full;

        @Setup(Level.Trial)
        public void open() {
            allocator = Impls.named(impl).create(CAPACITY);
        }

        synchronized EpochArena full() {
            if (full == null) {
                full = Impls.design(impl).create(64 << 10);
                while (full.tryAllocate(EpochArena.MIN_BLOCK) != EpochArena.OUT_OF_MEMORY) {
                    // fill it: every later request fails
                }
            }
            return full;
        }

        @TearDown(Level.Trial)
        public void close() {
            allocator.close();
            if (full != null) {
                full.close();
            }
        }
    }

    @State(Scope.Thread)
    public static class Caller {
        Lane lane;
        EpochArena full;
        int sinceEpoch;

        @Setup(Level.Trial)
        public void open(Shared shared, org.openjdk.jmh.infra.BenchmarkParams params) {
            open(shared, params.getBenchmark().endsWith("failedTryAllocate"));
        }

        void open(Shared shared, boolean failurePath) {
            lane = shared.allocator.lane();
            if (failurePath) {
                full = shared.full();
            }
        }

        @TearDown(Level.Trial)
        public void close() {
            lane.release();
        }

        long allocate() {
            long block = lane.allocate(SIZE);
            if (block == Lane.FAILED || ++sinceEpoch == EPOCH_OPS) {
                sinceEpoch = 0;
                lane.endEpoch();
            }
            return block;
        }
    }

    @Benchmark
    public long tryAllocate(Caller c) {
        return c.allocate();
    }

    @Benchmark
    public long pinAllocateClose(Caller c) {
        long pin = c.lane.pin();
        long block = c.allocate();
        c.lane.unpin(pin);
        return block;
    }

    @Benchmark
    @ArenaOnly
    public long failedTryAllocate(Caller c) {
        return c.full.tryAllocate(SIZE);
    }
}
