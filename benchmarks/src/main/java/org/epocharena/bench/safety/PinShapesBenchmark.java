package org.epocharena.bench.safety;

import java.util.concurrent.TimeUnit;
import org.epocharena.ArenaKind;
import org.epocharena.EpochArena;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.CompilerControl;
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
 * Where does a pin cost heap? A design's {@code pin()} returns a fresh guard per pin, because a guard
 * object handed out again could be closed a second time through a stale reference and release
 * somebody else's pin. Escape analysis removes the fresh guard only where every use of it is
 * inlined; the stamped pin ({@code pinStamp()} / {@code unpin(long)}) allocates nothing in any shape.
 * Read {@code gc.alloc.rate.norm} (run with {@code -prof gc}) per shape, on each JDK:
 *
 * <ul>
 *   <li>{@code tryWithResources}: the guard opened and closed in one method, as callers write it.
 *       try-with-resources also closes on its exception path, a call site never reached, which JDK
 *       17's C2 does not inline ({@code -XX:+PrintInlining}: "call site not reached"), so the guard
 *       escapes there; JDK 25's removes it.</li>
 *   <li>{@code guardPassedToMethod}: the guard handed to a small helper that closes it; the helper is
 *       inlined, so the guard still does not escape.</li>
 *   <li>{@code guardEscapes}: the guard kept in a field and closed by a method that is never inlined:
 *       no JIT can remove it, so this is what a guard costs when it must be stored.</li>
 *   <li>{@code stampInField}: the same escaping shape with a stamp: 0 B/op by construction.</li>
 * </ul>
 *
 * <p>Not part of any profile (no harness reads it); it backs the contract's claim about pins.
 * Run: {@code java -jar benchmarks/target/benchmarks.jar PinShapes -prof gc -p kind=THREAD_CHUNKS,LOCK_FREE}
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@State(Scope.Thread)
public class PinShapesBenchmark {
    private static final int SIZE = 64;
    /** A reclaim every this many allocations keeps the pool from filling. */
    private static final int EPOCH_OPS = 4096;

    @Param({"THREAD_CHUNKS"})
    public ArenaKind kind;

    private EpochArena arena;
    private int sinceEpoch;
    private EpochArena.Guard guard;
    private long stamp;

    @Setup(Level.Trial)
    public void open() {
        arena = kind.create(16 << 20);
    }

    @TearDown(Level.Trial)
    public void close() {
        arena.close();
    }

    private long allocate() {
        long block = arena.tryAllocate(SIZE);
        if (block == EpochArena.OUT_OF_MEMORY || ++sinceEpoch == EPOCH_OPS) {
            sinceEpoch = 0;
            arena.reclaim();
        }
        return block;
    }

    @Benchmark
    public long tryWithResources() {
        try (EpochArena.Guard pinned = arena.pin()) {
            return allocate();
        }
    }

    @Benchmark
    public long guardPassedToMethod() {
        EpochArena.Guard pinned = arena.pin();
        long block = allocate();
        closeIt(pinned);
        return block;
    }

    private static void closeIt(EpochArena.Guard pinned) {
        pinned.close();
    }

    @Benchmark
    public long guardEscapes() {
        guard = arena.pin();
        long block = allocate();
        closeStoredGuard();
        return block;
    }

    @CompilerControl(CompilerControl.Mode.DONT_INLINE)
    private void closeStoredGuard() {
        guard.close();
        guard = null;
    }

    @Benchmark
    public long stampInField() {
        stamp = arena.pinStamp();
        long block = allocate();
        unpinStoredStamp();
        return block;
    }

    @CompilerControl(CompilerControl.Mode.DONT_INLINE)
    private void unpinStoredStamp() {
        arena.unpin(stamp);
    }
}
