package org.epocharena;

/**
 * What an arena keeps per thread, for tests and reports: contract rule 4 bounds it by the threads alive
 * now, so a thread pool that replaces its threads does not make {@code reclaim()} slower. Every
 * {@link ArenaKind} creates arenas that implement it.
 */
public interface ArenaDiagnostics {
    /**
     * The number of per-thread records (pin slots) this arena holds now, which its {@code reclaim()}
     * scans; at most the number of threads that have pinned this arena and are still alive, plus the
     * records of threads that died since and are not yet reused.
     */
    int threadRecords();

    /**
     * Ends {@code epochs} epochs at once, exactly as that many {@code reclaim()} calls in a row with
     * nothing allocated in between would, and returns the new epoch. It exists so that tests can
     * cross the epoch values where a narrower counter would wrap without making 2^32 calls.
     *
     * @throws IllegalArgumentException if {@code epochs} is below 1 or the new epoch would pass
     *                                  {@link ArenaLimits#MAX_EPOCH}, naming the value and the bound
     */
    long reclaim(long epochs);
}
