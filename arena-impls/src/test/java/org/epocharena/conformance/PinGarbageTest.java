package org.epocharena.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import org.epocharena.ArenaKind;
import org.epocharena.EpochArena;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The contract (docs/contract.md, "Performance"): pin + allocate + unpin reaches 0 B/op without any
 * reused object a stale reference could reach. A guard is a fresh object that only escape analysis
 * removes (JMH's {@code -prof gc} shows when it does); the stamped pin allocates nothing whatever the
 * JIT does. Here the stamp is kept in a field and released from another method on every round, as a
 * caller that cannot use try-with-resources would; the JVM's per-thread allocation counter must not
 * move over 10 000 rounds (a little slack for one-off JVM work on this thread).
 */
class PinGarbageTest {
    /** Where a caller that cannot use try-with-resources keeps its pin. */
    private long stamp;

    @ParameterizedTest
    @MethodSource("org.epocharena.Kinds#heapFree")
    void stampedPinAllocateUnpinAllocatesNothingEvenWhenTheStampIsStored(ArenaKind kind) {
        com.sun.management.ThreadMXBean threads =
                (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long thread = Thread.currentThread().getId();
        try (EpochArena arena = kind.create(1 << 20)) {
            long sink = 0;
            for (int warm = 0; warm < 20_000; warm++) {
                sink += round(arena, warm);
            }
            long before = threads.getThreadAllocatedBytes(thread);
            for (int i = 0; i < 10_000; i++) {
                sink += round(arena, i);
            }
            long after = threads.getThreadAllocatedBytes(thread);
            assertThat(after - before).as("heap bytes over 10 000 pin + allocate + unpin rounds of %s (sink %d)",
                    kind, sink).isLessThan(1_000);
        }
    }

    private long round(EpochArena arena, int i) {
        stamp = arena.pinStamp();
        long handle = arena.tryAllocate(16 + i % 1009);
        release(arena);
        if (handle == EpochArena.OUT_OF_MEMORY) {
            arena.reclaim();
        }
        return handle;
    }

    private void release(EpochArena arena) {
        arena.unpin(stamp);
    }
}
