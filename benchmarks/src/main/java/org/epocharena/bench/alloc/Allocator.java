package org.epocharena.bench.alloc;

/**
 * One trial's instance of an {@link Impl}: an arena design or a baseline, shared by every thread of
 * the trial. Each thread asks for its own {@link Lane} (on that thread, so thread-local caches bind to
 * it); epochs are the allocator's, so any thread may end one for all.
 */
public interface Allocator extends AutoCloseable {
    /** The calling thread's lane; call once per thread, on that thread. */
    Lane lane();

    /** Ends the current epoch for every thread (an arena's {@code reclaim()}). */
    void endEpoch();

    /**
     * Bytes the allocator cannot hand out again right now: an arena's {@code usedBytes()}; for a
     * baseline the blocks its threads still hold (their current epoch's), as each baseline documents.
     */
    long heldBytes();

    /**
     * A thread for a worker pool: some baselines run best on their own kind of thread (Netty's
     * {@code FastThreadLocalThread}, what its event loops run on).
     */
    default Thread newThread(Runnable task, String name, long stackSize) {
        return new Thread(null, task, name, stackSize);
    }

    @Override
    void close();
}
