package org.epocharena;

/**
 * What an arena keeps per thread, for tests and reports: SPEC rule 4 bounds it by the threads alive
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
}
