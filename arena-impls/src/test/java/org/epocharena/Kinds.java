package org.epocharena;

import java.util.Arrays;

/**
 * The designs a test runs on, chosen by what {@link ArenaKind} declares, never by name, so that a new
 * constant joins every test it qualifies for. Use as {@code @MethodSource("org.epocharena.Kinds#heapFree")}.
 */
public final class Kinds {
    private Kinds() {
    }

    /** The oracle every other design is compared with. */
    public static ArenaKind reference() {
        return Arrays.stream(ArenaKind.values()).filter(ArenaKind::isReference).findFirst().orElseThrow();
    }

    /** Every design but the reference. */
    public static ArenaKind[] others() {
        return Arrays.stream(ArenaKind.values()).filter(kind -> !kind.isReference()).toArray(ArenaKind[]::new);
    }

    /** Designs that answer as the reference does when run on one thread. */
    public static ArenaKind[] matchingReference() {
        return Arrays.stream(ArenaKind.values()).filter(ArenaKind::matchesReference).toArray(ArenaKind[]::new);
    }

    /** Designs whose tryAllocate and pin allocate nothing on the heap. */
    public static ArenaKind[] heapFree() {
        return Arrays.stream(ArenaKind.values()).filter(ArenaKind::heapFree).toArray(ArenaKind[]::new);
    }
}
