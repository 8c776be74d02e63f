package org.epocharena.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import org.epocharena.ArenaKind;
import org.epocharena.EpochArena;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The contract (docs/contract.md, "Performance"): pin + allocate + close reaches 0 B/op by reuse, also where the JIT's
 * escape analysis cannot remove the guard. Here the guard escapes into a field on every round, so a
 * fresh guard per pin() would be on the heap each time; the JVM's per-thread allocation counter
 * must not move over 10 000 rounds (a little slack for one-off JVM work on this thread).
 */
class PinGarbageTest {
    /** Escapes every guard, defeating scalar replacement. */
    private EpochArena.Guard lastGuard;

    @ParameterizedTest
    @MethodSource("org.epocharena.Kinds#heapFree")
    void pinAllocateCloseAllocatesNothingEvenWhenTheGuardEscapes(ArenaKind kind) {
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
            assertThat(after - before).as("heap bytes over 10 000 pin + allocate + close rounds of %s (sink %d)",
                    kind, sink).isLessThan(1_000);
        }
    }

    private long round(EpochArena arena, int i) {
        long handle;
        try (EpochArena.Guard guard = arena.pin()) {
            lastGuard = guard;
            handle = arena.tryAllocate(16 + i % 1009);
        }
        if (handle == EpochArena.OUT_OF_MEMORY) {
            arena.reclaim();
        }
        return handle + lastGuard.epoch();
    }
}
