package org.epocharena.bench.oom;

import java.util.concurrent.TimeUnit;
import org.epocharena.ArenaOutOfMemoryException;
import org.epocharena.EpochArena;
import org.epocharena.bench.alloc.Impls;
import org.epocharena.bench.suite.ArenaOnly;
import org.epocharena.bench.workload.Figures;
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
 * Out-of-memory behaviour: what happens when the arena is full. Arenas only (the baselines have no
 * capacity to exhaust). A {@link StalledPin} thread plays the stalled pinned thread.
 *
 * <ul>
 *   <li>{@code fill} (µs/op; headline secondary {@code usableShare} = bytes placed before the first
 *       failure / bytes the arena could hold, 0..1, per design and {@code fillers}): {@code fillers}
 *       threads ({@link FillCrew}) allocate fixed sequences of mixed sizes (16..1024) together until
 *       the first failure of any of them, so per-thread stripe or chunk tails show as a lower share.
 *       {@code start=EMPTY}: from an empty arena, usable = capacity. {@code start=PINNED_OLDER}: the
 *       same threads allocated 30% and it was freed, then a pinned thread holds the next 30% they
 *       allocate (an older epoch), so the free space is split (a ring's tail and head, a chunk held
 *       half used); usable = capacity - the bytes held.</li>
 *   <li>{@code failedTryAllocate} / {@code thrownAllocate} (ns/op): the cost of a request on a full
 *       arena, returned as {@code OUT_OF_MEMORY} or thrown as {@code ArenaOutOfMemoryException}
 *       (building its message is most of it). {@code stall=STALLED}: a pinned thread holds an older
 *       epoch, so the failure also reports the oldest pinned epoch.</li>
 *   <li>{@code recover} (SampleTime, ns): on a full arena, {@code reclaim()} and then allocate until
 *       the first success (at most {@value #RECOVERY_ATTEMPTS} tries); secondary {@code recovered}
 *       = share of invocations that got their block. With {@code stall=STALLED} the pinned thread
 *       holds everything, reclaim frees nothing and {@code recovered} is 0: that is the finding.</li>
 * </ul>
 *
 * <p>{@code recover} refills the arena before each invocation ({@code Level.Invocation}): the call
 * is a reclaim over ~1 000 blocks plus allocations, microseconds, so the per-invocation timestamps
 * (SampleTime takes them anyway) add little, and JMH excludes the refill from the measurement.
 * Secondary figures come from {@code FiguresProfiler} (the suite adds it).
 *
 * <p>Run alone: {@code java -jar benchmarks/target/benchmarks.jar oom -p impl=<a design from Suite --list>
 * -prof org.epocharena.bench.workload.FiguresProfiler}
 */
@Threads(1)
@ArenaOnly
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class OutOfMemoryBenchmark {
    /** Small, so a fill is ~5 000 mixed allocations: fast enough to repeat per invocation. */
    static final int CAPACITY = 1 << 20;
    static final int RECOVERY_ATTEMPTS = 1_000;
    static final int REQUEST = 64;

    public enum Start {
        EMPTY, PINNED_OLDER
    }

    public enum Stall {
        NONE, STALLED
    }

    @State(Scope.Thread)
    public static class FillState {
        @Param({Impls.FIRST_DESIGN})
        public String impl;

        @Param({"1", "2", "8"})
        public int fillers;

        @Param({"EMPTY", "PINNED_OLDER"})
        public Start start;

        EpochArena arena;
        FillCrew crew;
        StalledPin stalled;
        long usable;
        double utilizationSum;
        long fills;

        @Setup(Level.Trial)
        public void open() {
            arena = Impls.design(impl).create(CAPACITY);
            crew = new FillCrew(fillers, CAPACITY);
            stalled = new StalledPin(arena);
        }

        /** Empties the arena and, for PINNED_OLDER, splits its free space around a pinned 30%. */
        @Setup(Level.Invocation)
        public void prepare() {
            arena.reclaim();
            arena.reclaim();
            usable = CAPACITY;
            if (start == Start.PINNED_OLDER) {
                long share = CAPACITY * 3L / 10 / fillers;
                crew.run(arena, share);
                arena.reclaim();
                stalled.pin();
                usable -= crew.run(arena, share);
                arena.reclaim();
            }
        }

        @TearDown(Level.Invocation)
        public void release() {
            if (start == Start.PINNED_OLDER) {
                stalled.unpin();
            }
        }

        @TearDown(Level.Iteration)
        public void report() {
            if (fills > 0) {
                Figures.addAll("usableShare", "share", utilizationSum, fills);
            }
            utilizationSum = 0;
            fills = 0;
        }

        @TearDown(Level.Trial)
        public void close() {
            crew.close();
            stalled.close();
            arena.close();
        }
    }

    /**
     * An arena of one design beside a {@link StalledPin} that, for {@code stall=STALLED}, holds an older epoch from
     * the start; {@code hits} of the {@code calls} in an iteration are reported as the share named by {@code figure}.
     */
    @State(Scope.Thread)
    public abstract static class StalledArenaState {
        @Param({Impls.FIRST_DESIGN})
        public String impl;

        @Param({"NONE", "STALLED"})
        public Stall stall;

        private final String figure;
        EpochArena arena;
        StalledPin stalled;
        long calls;
        long hits;

        StalledArenaState(String figure) {
            this.figure = figure;
        }

        @Setup(Level.Trial)
        public void open() {
            arena = Impls.design(impl).create(CAPACITY);
            stalled = new StalledPin(arena);
            if (stall == Stall.STALLED) {
                stalled.pin();
                arena.reclaim();
            }
        }

        @TearDown(Level.Iteration)
        public void report() {
            if (calls > 0) {
                Figures.addAll(figure, "share", hits, calls);
            }
            calls = 0;
            hits = 0;
        }

        @TearDown(Level.Trial)
        public void close() {
            stalled.close();
            arena.close();
        }
    }

    /** A full arena; {@code hits} are the failed calls. */
    @State(Scope.Thread)
    public static class FullState extends StalledArenaState {
        public FullState() {
            super("failed");
        }

        /** Fills before the first iteration; the calls measured free nothing, so later ones find it full already. */
        @Setup(Level.Iteration)
        public void fill() {
            fillCompletely(arena);
        }
    }

    /** An arena filled again before every call; {@code hits} are the calls that recovered a block. */
    @State(Scope.Thread)
    public static class RecoverState extends StalledArenaState {
        public RecoverState() {
            super("recovered");
        }

        @Setup(Level.Invocation)
        public void refill() {
            fillCompletely(arena);
        }
    }

    /** Fills with the largest block that still fits, down to the smallest, so nothing at all is left to this thread. */
    static void fillCompletely(EpochArena arena) {
        for (int size = EpochArena.MAX_BLOCK; size >= EpochArena.MIN_BLOCK; size /= 2) {
            while (arena.tryAllocate(size) != EpochArena.OUT_OF_MEMORY) {
                // keep going: larger first so the fill takes few calls
            }
        }
    }

    /** Fills until the first failure; the share it reached is the point, the time is context. */
    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public long fill(FillState s) {
        long bytes = s.crew.run(s.arena, Long.MAX_VALUE);
        s.utilizationSum += bytes / (double) s.usable;
        s.fills++;
        return bytes;
    }

    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.NANOSECONDS)
    public long failedTryAllocate(FullState s) {
        long handle = s.arena.tryAllocate(REQUEST);
        s.calls++;
        if (handle == EpochArena.OUT_OF_MEMORY) {
            s.hits++;
        }
        return handle;
    }

    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.NANOSECONDS)
    public Object thrownAllocate(FullState s) {
        s.calls++;
        try {
            return s.arena.allocate(REQUEST);
        } catch (ArenaOutOfMemoryException e) {
            s.hits++;
            return e;
        }
    }

    @Benchmark
    @BenchmarkMode(Mode.SampleTime)
    @OutputTimeUnit(TimeUnit.NANOSECONDS)
    public long recover(RecoverState s) {
        s.arena.reclaim();
        s.calls++;
        for (int i = 0; i < RECOVERY_ATTEMPTS; i++) {
            long handle = s.arena.tryAllocate(REQUEST);
            if (handle != EpochArena.OUT_OF_MEMORY) {
                s.hits++;
                return handle;
            }
        }
        return EpochArena.OUT_OF_MEMORY;
    }
}
