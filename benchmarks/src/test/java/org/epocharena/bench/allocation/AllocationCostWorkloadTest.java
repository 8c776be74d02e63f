package org.epocharena.bench.allocation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.epocharena.EpochArena;
import org.epocharena.bench.alloc.ArenaAllocator;
import org.epocharena.bench.alloc.Impl;
import org.epocharena.bench.alloc.Lane;
import org.epocharena.bench.alloc.RunnableImpls;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The allocation-cost benchmarks do what their figures claim for every implementation: each call is
 * one 64-byte allocation, epochs end every {@value AllocationCostBenchmark#EPOCH_OPS} calls so the
 * live set stays bounded, the pin shape leaves the thread unpinned, and the failure path fails.
 */
class AllocationCostWorkloadTest {

    static List<Impl> impls() {
        return RunnableImpls.all();
    }

    @ParameterizedTest
    @MethodSource("impls")
    void eachCallAllocatesOneBlockAndEpochsKeepTheLiveSetBounded(Impl impl) {
        AllocationCostBenchmark.Shared shared = new AllocationCostBenchmark.Shared();
        shared.impl = impl.name();
        shared.open();
        AllocationCostBenchmark.Caller caller = new AllocationCostBenchmark.Caller();
        caller.open(shared, !impl.isBaseline());
        try {
            AllocationCostBenchmark bench = new AllocationCostBenchmark();
            for (int i = 0; i < 3 * AllocationCostBenchmark.EPOCH_OPS; i++) {
                assertThat(bench.tryAllocate(caller)).isNotEqualTo(Lane.FAILED);
                assertThat(bench.pinAllocateClose(caller)).isNotEqualTo(Lane.FAILED);
            }
            assertThat(shared.allocator.heldBytes()).as("%s live set", impl.name())
                    .isLessThanOrEqualTo((long) AllocationCostBenchmark.EPOCH_OPS * AllocationCostBenchmark.SIZE);
            if (!impl.isBaseline()) {
                EpochArena arena = ((ArenaAllocator) shared.allocator).arena();
                try (EpochArena.Guard fresh = arena.pin()) {
                    assertThat(fresh.epoch()).as("no pin left open: a new one starts at the current epoch")
                            .isEqualTo(arena.epoch());
                }
                assertThat(bench.failedTryAllocate(caller)).isEqualTo(EpochArena.OUT_OF_MEMORY);
            }
        } finally {
            caller.close();
            shared.close();
        }
    }
}
