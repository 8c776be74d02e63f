package org.epocharena.bench.safety;

import java.util.concurrent.CountDownLatch;
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
 * What does the first call after a very long pin cost? Before each measurement one thread pins and
 * holds its pin while {@code reclaims} epochs end (a small block placed in every eighth), then lets
 * go. The measured call is the next {@code reclaim()}, which frees everything the pin held: a design
 * that kept per-epoch bookkeeping for the whole span pays for walking it here, in one call, against
 * the contract's 100 µs bound. One call per measurement ({@code SingleShotTime}, as in JMH's
 * {@code JMHSample_26_BatchSize}): there is no steady state to average.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar LongPinRelease -p kind=LOCK_FREE,THREAD_CHUNKS}
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 10)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@State(Scope.Thread)
public class LongPinReleaseBenchmark {
    @Param({"LOCK_FREE"})
    public ArenaKind kind;

    @Param({"5000000"})
    public int reclaims;

    private EpochArena arena;

    @Setup(Level.Iteration)
    public void holdOnePinAcrossManyEpochs() throws InterruptedException {
        if (reclaims < 1) {
            throw new IllegalArgumentException("reclaims must be at least 1, was " + reclaims);
        }
        arena = kind.create(1 << 20);
        CountDownLatch pinned = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Thread holder = new Thread(() -> {
            try (EpochArena.Guard guard = arena.pin()) {
                arena.tryAllocate(64);
                pinned.countDown();
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        holder.start();
        pinned.await();
        for (int i = 0; i < reclaims; i++) {
            if ((i & 7) == 0) {
                arena.tryAllocate(EpochArena.MIN_BLOCK);
            }
            arena.reclaim();
        }
        release.countDown();
        holder.join();
    }

    @TearDown(Level.Iteration)
    public void close() {
        arena.close();
    }

    @Benchmark
    public long firstReclaimAfterTheRelease() {
        return arena.reclaim();
    }
}
