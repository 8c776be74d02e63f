package org.epocharena.bench.throughput;

/**
 * One JMH iteration's view of a {@link WorkerPool}: the iteration starts from the pool's current
 * total, and each benchmark invocation waits until the workers have completed {@code batch} more
 * operations. JMH's own arithmetic (invocations x batch / iteration time) then yields the pool's
 * completed operations per second, with JMH's error across iterations and forks.
 *
 * <p>Only the measuring thread calls it. It never over-counts: an invocation returns only once the
 * workers' total has passed its target, and the target restarts from the real total each iteration
 * (the workers keep running between iterations). It may under-count by less than one batch.
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
        fairness = null;
        sinceStart = null;
        current = this;
    }

    static Window current() {
        return current;
    }

    /** One benchmark invocation: returns once the pool has done {@code batch} more operations. */
    void next() {
        target += batch;
        if (seen < target) {
            seen = pool.awaitTotal(target);
        }
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
