package org.epocharena.bench.reclaim;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.epocharena.EpochArena;
import org.epocharena.bench.alloc.Allocator;
import org.epocharena.bench.alloc.ArenaAllocator;
import org.epocharena.bench.alloc.Impls;
import org.epocharena.bench.alloc.Lane;
import org.epocharena.bench.suite.ArenaOnly;
import org.epocharena.bench.workload.Figures;
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
import org.openjdk.jmh.infra.BenchmarkParams;

/**
 * Reclaim pause: what one epoch end costs when it frees {@code liveBlocks} blocks (10 .. 100 000)
 * while {@code pinnedThreads} parked threads (0 .. 1024) hold pins that a reclaim must scan.
 *
 * <p><b>Shape</b> (JMH sample 26, BatchSize): a reclaim empties what it measures, so it has no steady
 * state to time call by call. Each iteration prefills {@value #BATCH} allocators (outside the
 * measurement), then times one batch of {@value #BATCH} epoch ends, one per allocator, with
 * {@code SingleShotTime}: the score is the batch time / {@value #BATCH} (declared as operations per
 * invocation, which is what JMH divides a single shot by), in µs per reclaim, with no
 * per-invocation timestamps around sub-microsecond work (JMH sample 07's trap).
 *
 * <p><b>Blocks and pins.</b> Blocks are 16..64 bytes, allocated unpinned by the measuring thread in
 * one epoch. The pinned threads pin each arena at the epoch AFTER the fill (the measuring thread holds
 * the filled epoch while the arena moves on and they pin, then lets go), so their pins are newer than
 * every filled block: they hold nothing back, the reclaim frees every block and must still scan every
 * pin. For a baseline the epoch end is the allocator's own (Netty releases the buffers, FFM closes a
 * shared arena, {@code new byte[]} drops references) followed by the thread freeing its blocks, and
 * the pinned threads are just parked live threads (a shared FFM arena's close handshakes with them).
 *
 * <p><b>Explaining the large fills.</b> {@code reclaimColdControl} (arenas only) reclaims arenas that
 * hold only 10 blocks, after the same {@code liveBlocks} fill went into a scratch arena, so the caches
 * are as cold as in {@code reclaim}: if the control at {@code liveBlocks=100000} is as slow as
 * {@code reclaim}, the large-fill figure is cache misses after the fill, not work per block; if it is
 * as fast as 10 blocks, the reclaim does work that grows with the blocks.
 *
 * <p>Run alone: {@code java -jar benchmarks/target/benchmarks.jar reclaim -p impl=NETTY_POOLED
 * -p liveBlocks=10,100000 -p pinnedThreads=0}
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Threads(1)
@Warmup(iterations = 20, batchSize = ReclaimBenchmark.BATCH)
@Measurement(iterations = 20, batchSize = ReclaimBenchmark.BATCH)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class ReclaimBenchmark {
    /** Allocators per batch: one reclaim each. 16 x 100 000 blocks fit -Xmx512m. */
    static final int BATCH = 16;
    static final int MIN_CAPACITY = 64 << 10;
    private static final int CONTROL_BLOCKS = 10;
    private static final int WARM_UP_EPOCHS = 30_000;

    @State(Scope.Thread)
    public static class Prefilled {
        @Param({Impls.DEFAULT})
        public String impl;

        @Param({"10", "1000", "100000"})
        public int liveBlocks;

        @Param({"0"})
        public int pinnedThreads;

        final Allocator[] allocators = new Allocator[BATCH];
        final Lane[] lanes = new Lane[BATCH];
        final List<EpochArena> arenas = new ArrayList<>();
        Allocator scratch;
        PinnedCrowd crowd;
        boolean control;
        int next;
        long liveSum;
        long fills;

        @Setup(Level.Trial)
        public void open(BenchmarkParams params) {
            open(params.getBenchmark().endsWith("Control"));
        }

        void open(boolean isControl) {
            control = isControl;
            int capacity = Math.max(MIN_CAPACITY, liveBlocks * 64 + (liveBlocks * 64 >> 2));
            for (int i = 0; i < BATCH; i++) {
                allocators[i] = Impls.named(impl).create(control ? MIN_CAPACITY : capacity);
                lanes[i] = allocators[i].lane();
                if (allocators[i] instanceof ArenaAllocator a) {
                    arenas.add(a.arena());
                }
            }
            if (control) {
                scratch = Impls.named(impl).create(capacity);
            }
            warmUp();
            crowd = new PinnedCrowd(pinnedThreads);
        }

        /**
         * A batch runs only {@value #BATCH} reclaims per iteration: too few for the JIT to compile
         * reclaim before the measurement. Fill-and-end a spare allocator of the same implementation
         * many times first, so the measured reclaims run compiled code as an application's would.
         */
        private void warmUp() {
            Allocator spare = Impls.named(impl).create(MIN_CAPACITY);
            Lane lane = spare.lane();
            for (int i = 0; i < WARM_UP_EPOCHS; i++) {
                fill(lane, CONTROL_BLOCKS);
                long pin = lane.pin();
                spare.endEpoch();
                lane.unpin(pin);
                lane.settle();
            }
            lane.release();
            spare.close();
        }

        /** Fills every allocator of the batch, then lets the pinned threads pin past the fill. */
        @Setup(Level.Iteration)
        public void prefill() {
            List<EpochArena.Guard> holding = new ArrayList<>();
            for (int i = 0; i < BATCH; i++) {
                if (allocators[i] instanceof ArenaAllocator a) {
                    holding.add(a.arena().pin());
                }
                long live = fill(lanes[i], control ? CONTROL_BLOCKS : liveBlocks);
                liveSum += live;
                fills++;
                if (allocators[i] instanceof ArenaAllocator) {
                    allocators[i].endEpoch();
                }
            }
            if (control) {
                scratch.endEpoch();
                fill(scratch.lane(), liveBlocks);
            }
            crowd.repin(arenas);
            holding.forEach(EpochArena.Guard::close);
            next = 0;
        }

        private static long fill(Lane lane, int blocks) {
            long random = 0x5EED;
            long live = 0;
            for (int i = 0; i < blocks; i++) {
                random = SizeMix.next(random);
                int size = 16 + (int) ((random >>> 33) % 49);
                long block = lane.allocate(size);
                if (block == Lane.FAILED) {
                    break;
                }
                lane.putLong(block, 0, random);
                live++;
            }
            return live;
        }

        @TearDown(Level.Iteration)
        public void report() {
            if (fills > 0) {
                Figures.addAll("liveBlocks", "blocks", liveSum, fills);
            }
            liveSum = 0;
            fills = 0;
        }

        @TearDown(Level.Trial)
        public void close() {
            crowd.close();
            for (int i = 0; i < BATCH; i++) {
                lanes[i].release();
                allocators[i].close();
            }
            if (scratch != null) {
                scratch.close();
            }
        }

        long reclaimNext() {
            int i = next++;
            allocators[i].endEpoch();
            lanes[i].settle();
            return i;
        }
    }

    /** JMH's SingleShotTime divides the batch's time by the operations per invocation, not by the batch size. */
    @Benchmark
    @OperationsPerInvocation(BATCH)
    public long reclaim(Prefilled s) {
        return s.reclaimNext();
    }

    @Benchmark
    @ArenaOnly
    @OperationsPerInvocation(BATCH)
    public long reclaimColdControl(Prefilled s) {
        return s.reclaimNext();
    }
}
