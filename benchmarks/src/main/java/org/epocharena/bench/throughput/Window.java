package org.epocharena.bench.throughput;

/**
 * One JMH iteration's view of a {@link WorkerPool}, and its one clock. Each benchmark invocation
 * waits until the workers have completed {@code batch} more operations, then reads the pool's total:
 * the first invocation of an iteration reads it first (the base), so the base and every later read are
 * taken by the measuring thread right after JMH's start timestamp and right before its stop
 * timestamp. {@link #spanOperations()} (read - base of the last invocation) is therefore the count of
 * operations between the same two instants as JMH's iteration time: the harness reports it through
 * an {@code @AuxCounters(OPERATIONS)} field, which JMH divides by that time.
 *
 * <p>Why not JMH's own count (invocations x batch): it is only the batches the measuring thread saw;
 * at 1000+ runnable threads that thread waits long for a time slice, the workers go on meanwhile, and
 * the batch count misses all they did in the wait, so at 1024 workers its error is of the order of the
 * score itself.
 */
final class Window {
    /** The window of the running trial, for {@link FairnessProfiler} (one trial per JVM fork). */
    private static volatile Window current;
    private final WorkerPool pool;
    private final int batch;
    private final long[] before;
    private final long[] after;
    private long target;
    private long seen;
    private long base;
    private boolean started;
    private WorkerPool.Fairness fairness;
    private WorkerPool.Fairness sinceStart;

    Window(WorkerPool pool, int batch) {
        this.pool = pool;
        this.batch = batch;
        this.before = new long[pool.workers()];
        this.after = new long[pool.workers()];
    }

    /** Called before each iteration (JMH {@code Level.Iteration}). */
    void begin() {
        pool.snapshot(before);
        seen = pool.total();
        target = seen;
        started = false;
        fairness = null;
        sinceStart = null;
        current = this;
    }

    static Window current() {
        return current;
    }

    /**
     * One benchmark invocation: returns once the pool has done {@code batch} more operations; returns
     * the operations since this iteration's first invocation started, read just now.
     */
    long next() {
        return next(true);
    }

    /**
     * As {@link #next()}; {@code measuring} is false for the invocations JMH makes before its start
     * timestamp and after its stop timestamp (it keeps calling the benchmark while it synchronizes
     * threads): they wait for their batch as usual but neither set the base nor move the count.
     */
    long next(boolean measuring) {
        if (!measuring) {
            target += batch;
            pool.awaitTotal(target);
            return seen - base;
        }
        if (!started) {
            started = true;
            base = pool.total();
            seen = base;
            target = base;
        }
        target += batch;
        if (seen < target) {
            pool.awaitTotal(target);
        }
        seen = pool.total();
        return seen - base;
    }

    /** Operations between this iteration's first invocation start and its last invocation's end. */
    long spanOperations() {
        return started ? seen - base : 0;
    }

    /**
     * Freezes the iteration's per-worker counts (JMH {@code Level.Iteration} teardown). Profilers
     * read results after ALL teardowns, the trial's included: read then, the last iteration would
     * count the operations workers finish on their way out when the pool stops (at 1000 workers,
     * nearly every worker is mid-operation, so "starved" would read as 0).
     */
    void end() {
        pool.snapshot(after);
        fairness = WorkerPool.fairness(before, after);
        sinceStart = WorkerPool.fairness(new long[after.length], after);
    }

    /** Ops per worker between {@link #begin()} and {@link #end()} (or now, if not ended). */
    WorkerPool.Fairness fairness() {
        if (fairness == null) {
            end();
        }
        return fairness;
    }

    /**
     * Ops per worker since the pool started, read with {@link #fairness()}: tells "starved in this
     * window" (a scheduler's rotation through 1000 threads on 2 cores outlasts a short iteration)
     * from "never ran at all".
     */
    WorkerPool.Fairness sinceStart() {
        fairness();
        return sinceStart;
    }
}
