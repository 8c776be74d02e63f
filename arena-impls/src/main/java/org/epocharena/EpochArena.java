package org.epocharena;

/**
 * An epoch arena: one fixed {@code byte[]} pool handed out in blocks of {@value #MIN_BLOCK} to
 * {@value #MAX_BLOCK} bytes, freed a whole epoch at a time by {@link #reclaim()}.
 *
 * <p>The contract is {@code docs/contract.md} in this repository; every implementation named by
 * {@link ArenaKind} obeys it, and one conformance suite checks that. In short:
 * <ul>
 *   <li>a new arena is in epoch 1; {@link #reclaim()} ends the current epoch and frees every block
 *       older than {@code min(new epoch, oldest epoch pinned by a live thread)};</li>
 *   <li>a thread that must keep its blocks while others reclaim holds a {@link #pin()} for as long
 *       as it uses them; pins nest and belong to the thread that took them;</li>
 *   <li>a handle is an opaque non-negative {@code long}; access through a freed block's handle is
 *       an {@link IllegalStateException}, access outside the block an
 *       {@link IndexOutOfBoundsException}, and a made-up handle never touches another block;</li>
 *   <li>every method is linearizable and may be called from any number of threads.</li>
 * </ul>
 */
public interface EpochArena extends AutoCloseable {
    /** Smallest block size in bytes. */
    int MIN_BLOCK = 16;
    /** Largest block size in bytes. */
    int MAX_BLOCK = 1024;
    /** What {@link #tryAllocate(int)} returns when the block cannot be placed. */
    long OUT_OF_MEMORY = -1L;

    /**
     * Allocates {@code size} bytes in the current epoch.
     *
     * @return the block's handle, never negative
     * @throws IllegalArgumentException if {@code size} is outside {@value #MIN_BLOCK}..{@value #MAX_BLOCK}
     * @throws ArenaOutOfMemoryException if the block cannot be placed
     */
    long allocate(int size);

    /**
     * Like {@link #allocate(int)}, but returns {@link #OUT_OF_MEMORY} instead of throwing, and
     * allocates nothing on the Java heap on either path.
     */
    long tryAllocate(int size);

    /** Ends the current epoch, frees what no pin protects, and returns the new epoch number. */
    long reclaim();

    /** The current epoch; 1 on a new arena. */
    long epoch();

    /** The pool size in bytes. */
    int capacity();

    /** Bytes not available to allocate: live blocks plus any padding or waste. */
    long usedBytes();

    /**
     * The most capacity this design may leave unusable because of how it places blocks, measured
     * from an empty arena (stripe or chunk tails, chunks other threads hold); 0 for every design that
     * {@link ArenaKind#matchesReference() matches the reference}. See {@code docs/contract.md}.
     */
    long wasteBound();

    /**
     * Pins the calling thread at the current epoch (nesting keeps the outermost epoch). The guard
     * stands for this pin only: closing it again later, even after the thread pinned anew, does
     * nothing. It is a small fresh object, which escape analysis removes only where the JIT inlines
     * every use of it (try-with-resources on JDK 25, not on JDK 17); {@link #pinStamp()} allocates
     * nothing in any shape.
     */
    Guard pin();

    /**
     * Pins like {@link #pin()} and returns a stamp for {@link #unpin(long)} instead of a guard, in the
     * style of {@code StampedLock}; allocates nothing on the Java heap.
     */
    long pinStamp();

    /**
     * Releases the pin {@code stamp} names, as closing its guard would: a stamp already released
     * (or otherwise no longer current) does nothing and never affects another pin.
     *
     * @throws IllegalArgumentException if {@code stamp} is negative (no stamp is)
     * @throws IllegalStateException    if the stamp was issued to another thread, or a pin nested inside
     *                                  it is still open; the pin stays as it was
     */
    void unpin(long stamp);

    void putByte(long handle, int offset, byte value);

    byte getByte(long handle, int offset);

    void putLong(long handle, int offset, long value);

    long getLong(long handle, int offset);

    void write(long handle, int offset, byte[] src, int srcOffset, int length);

    void read(long handle, int offset, byte[] dst, int dstOffset, int length);

    /** The size in bytes of the live block {@code handle} names. */
    int sizeOf(long handle);

    /** The epoch in which the live block {@code handle} names was allocated. */
    long epochOf(long handle);

    /** Whether {@code handle} names a live block: false for a freed or made-up handle, never an exception for one. */
    boolean isLive(long handle);

    /** Releases the pool; idempotent. Every later call but {@code close()} throws {@code IllegalStateException}. */
    @Override
    void close();

    /** A pin on the calling thread; close it on the same thread, innermost first. */
    interface Guard extends AutoCloseable {
        /** The epoch this thread is pinned at (the outermost pin's epoch). */
        long epoch();

        /**
         * Releases this pin. Closing it again does nothing, also after the thread has pinned anew:
         * it never affects another pin. From another thread, or while a pin nested inside it is
         * open, it is an {@link IllegalStateException} that changes nothing.
         */
        @Override
        void close();
    }
}
