package org.epocharena.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import org.epocharena.ArenaKind;
import org.epocharena.EpochArena;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The contract's "no Java heap allocation on the success or the failure path of {@code tryAllocate}",
 * counted by the JVM's per-thread allocation counter rather than inferred from the code, for every
 * design that declares {@link ArenaKind#heapFree()} (the reference keeps a map of live blocks).
 */
class HeapFreeAllocationTest {

    @ParameterizedTest
    @MethodSource("org.epocharena.Kinds#heapFree")
    void tryAllocateAllocatesNothingOnTheHeapOnSuccessOrFailure(ArenaKind kind) {
        com.sun.management.ThreadMXBean threads =
                (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        EpochArena arena = kind.create(1 << 20);
        long sink = 0;
        for (int warm = 0; warm < 20_000; warm++) {   // class loading and first-call paths allocate
            sink += arena.tryAllocate(16 + warm % 1009);
            if (warm % 4000 == 0) {
                arena.reclaim();
            }
        }
        arena.reclaim();
        long thread = Thread.currentThread().getId();
        long before = threads.getThreadAllocatedBytes(thread);
        int failures = 0;
        for (int i = 0; i < 10_000; i++) {
            long handle = arena.tryAllocate(16 + i % 1009);
            if (handle == EpochArena.OUT_OF_MEMORY) {
                failures++;
            }
            sink += handle;
        }
        long after = threads.getThreadAllocatedBytes(thread);
        assertThat(failures).as("both the success and the failure path were taken").isBetween(1_000, 9_000);
        // An allocation on either path would cost at least 16 bytes on each of a thousand calls or
        // more; the slack admits one-off JVM work on this thread (a deoptimization re-materializes
        // a scalar-replaced object on the heap: tens of bytes, once).
        assertThat(after - before).as("heap bytes over 10 000 tryAllocate calls of %s (sink %d)", kind, sink)
                .isLessThan(1_000);
    }
}
