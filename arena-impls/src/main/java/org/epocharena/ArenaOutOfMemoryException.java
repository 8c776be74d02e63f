package org.epocharena;

/**
 * Thrown by {@link EpochArena#allocate(int)} when a block cannot be placed. The message starts with
 * {@code "Out of memory"} and names the requested size, the free bytes, the capacity, the epoch and,
 * where pins hold memory, the oldest pinned epoch. The arena is unchanged and stays usable.
 */
public final class ArenaOutOfMemoryException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ArenaOutOfMemoryException(String message) {
        super(message);
    }
}
