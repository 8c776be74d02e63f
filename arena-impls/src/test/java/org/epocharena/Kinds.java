package org.epocharena;

import java.util.Arrays;

/**
 * The designs a test runs on, chosen by what {@link ArenaKind} declares, never by name, so that a new
 * constant joins every test it qualifies for. Use as {@code @MethodSource("org.epocharena.Kinds#heapFree")}.
 */
public final class Kinds {
    private Kinds() {
    }

    /** Designs whose tryAllocate and pin allocate nothing on the heap. */
    public static ArenaKind[] heapFree() {
        return Arrays.stream(ArenaKind.values()).filter(ArenaKind::heapFree).toArray(ArenaKind[]::new);
    }
}
