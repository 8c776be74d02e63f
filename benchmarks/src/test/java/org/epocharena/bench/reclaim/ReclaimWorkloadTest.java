package org.epocharena.bench.reclaim;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.epocharena.bench.alloc.Impl;
import org.epocharena.bench.alloc.Impls;
import org.epocharena.bench.alloc.RunnableImpls;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The reclaim harness measures what it says: each batch ends the epoch of allocators that hold
 * exactly {@code liveBlocks} blocks, every block is freed by it although pinned threads hold pins
 * (theirs are newer than the fill), and the control holds only 10 blocks.
 */
class ReclaimWorkloadTest {

    static List<Impl> impls() {
        return RunnableImpls.all();
    }

    @ParameterizedTest
    @MethodSource("impls")
    void eachReclaimOfABatchFreesTheBlocksItsSetupPlacedDespiteThePinnedThreads(Impl impl) {
        ReclaimBenchmark.Prefilled s = new ReclaimBenchmark.Prefilled();
        s.impl = impl.name();
        s.liveBlocks = 1000;
        s.pinnedThreads = 8;
        s.open(false);
        try {
            ReclaimBenchmark bench = new ReclaimBenchmark();
            for (int iteration = 0; iteration < 3; iteration++) {
                s.prefill();
                for (int i = 0; i < ReclaimBenchmark.BATCH; i++) {
                    assertThat(s.allocators[i].heldBytes()).as("%s: filled", impl.name()).isGreaterThanOrEqualTo(1000L * 16);
                    bench.reclaim(s);
                    assertThat(s.allocators[i].heldBytes()).as("%s: the epoch end freed the fill", impl.name()).isZero();
                }
            }
            assertThat(s.fills).isEqualTo(3L * ReclaimBenchmark.BATCH);
            assertThat(s.liveSum).isEqualTo(3L * ReclaimBenchmark.BATCH * 1000);
        } finally {
            s.close();
        }
    }

    @ParameterizedTest
    @MethodSource("impls")
    void theControlReclaimsTenBlocksAfterTheSameFillWentElsewhere(Impl impl) {
        if (impl.isBaseline()) {
            return;
        }
        ReclaimBenchmark.Prefilled s = new ReclaimBenchmark.Prefilled();
        s.impl = impl.name();
        s.liveBlocks = 5000;
        s.pinnedThreads = 0;
        s.open(true);
        try {
            s.prefill();
            assertThat(s.scratch.heldBytes()).as("the scratch arena got the large fill").isGreaterThanOrEqualTo(5000L * 16);
            ReclaimBenchmark bench = new ReclaimBenchmark();
            for (int i = 0; i < ReclaimBenchmark.BATCH; i++) {
                if (Impls.design(impl.name()).exactUsedBytes()) {
                    assertThat(s.allocators[i].heldBytes()).isBetween(10L * 16, 10L * 64 + 1024);
                } else { // counts the chunks its ten blocks live in
                    assertThat(s.allocators[i].heldBytes()).isGreaterThanOrEqualTo(10L * 16);
                }
                bench.reclaimColdControl(s);
                assertThat(s.allocators[i].heldBytes()).isZero();
            }
        } finally {
            s.close();
        }
    }
}
