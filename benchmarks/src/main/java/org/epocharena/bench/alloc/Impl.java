package org.epocharena.bench.alloc;

import java.util.Optional;

/**
 * Something the suite measures: an arena design (one per {@code ArenaKind} constant, see
 * {@link Design}) or a baseline a user would pick instead ({@link Baseline}). Every harness takes one
 * JMH param {@code impl}, a name resolved through {@link Impls}; whether it is a baseline is a
 * property of the implementation, never of a param name.
 */
public interface Impl {
    String name();

    boolean isBaseline();

    /** One line for the report: what it is and how it frees memory. */
    String description();

    /**
     * Why it cannot run on a JVM of this feature version (e.g. 17), or empty when it can. The JVM is
     * the one the benchmarks fork on, which is not always the one asking.
     */
    Optional<String> unavailableReason(int jvmFeatureVersion);

    /** A new allocator over about {@code capacity} bytes (the arena's pool; baselines grow as they need). */
    Allocator create(int capacity);
}
