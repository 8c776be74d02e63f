package org.epocharena;

import java.util.Arrays;
import java.util.stream.Stream;

/**
 * One configuration of one design that a conformance test runs on: the design with its own defaults,
 * and, for designs that {@link ArenaKind#splitsThePool() split the pool}, the same design cut into as
 * many parts as the test's pool allows (up to 8 parts of at least 1 KiB each), so that the
 * many-stripe and many-chunk paths run on the small pools these tests use. Like JCTools'
 * {@code QueueSanityTest} specs: tests ask the design's capabilities, never its name.
 */
public record Design(ArenaKind kind, boolean split) {
    private static final int MAX_PARTS = 8;

    /** Every design, plus a split configuration of each design that splits the pool. */
    public static Stream<Design> all() {
        return Arrays.stream(ArenaKind.values()).flatMap(kind -> kind.splitsThePool()
                ? Stream.of(new Design(kind, false), new Design(kind, true))
                : Stream.of(new Design(kind, false)));
    }

    public EpochArena create(int capacity) {
        return split ? kind.create(capacity, parts(capacity)) : kind.create(capacity);
    }

    /** Powers of two: stripes must be one. */
    static int parts(int capacity) {
        return Integer.highestOneBit(Math.max(1, Math.min(MAX_PARTS, capacity / EpochArena.MAX_BLOCK)));
    }

    public boolean heapFree() {
        return kind.heapFree();
    }

    public boolean matchesReference() {
        return kind.matchesReference() && !split;
    }

    @Override
    public String toString() {
        return split ? kind + " split" : kind.toString();
    }
}
