package org.epocharena.bench.alloc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.epocharena.ArenaKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One behavioural suite over every implementation this JVM can run, designs and baselines alike (the
 * JCTools way: the suite asks the implementation, never its name): blocks are usable at both ends,
 * an epoch end lets go of the previous epoch's blocks for every thread, held bytes follow, and a
 * failure is a return value.
 */
class ImplTest {

    static List<Impl> impls() {
        return RunnableImpls.all();
    }

    @Test
    void theRegistryHasEveryArenaKindAsADesignThenEveryBaseline() {
        List<String> expected = new ArrayList<>();
        Arrays.stream(ArenaKind.values()).forEach(k -> expected.add(k.name()));
        Arrays.stream(Baseline.values()).forEach(b -> expected.add(b.name()));
        assertThat(Impls.names()).containsExactlyElementsOf(expected);
        assertThat(Impls.all()).allSatisfy(i -> {
            assertThat(i.isBaseline()).isEqualTo(i instanceof Baseline);
            assertThat(i.description()).isNotBlank();
        });
        assertThat(Impls.named(Impls.FIRST_DESIGN).name()).isEqualTo(ArenaKind.values()[0].name());
    }

    @Test
    void anUnknownNameIsRefusedWithTheValidOnes() {
        assertThatThrownBy(() -> Impls.named("NOPE")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'NOPE'").hasMessageContaining(Baseline.JVM_NEW.name())
                .hasMessageContaining(ArenaKind.values()[0].name());
        assertThatThrownBy(() -> Impls.design(Baseline.JVM_NEW.name())).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("baseline");
    }

    @Test
    void theForeignMemoryBaselinesSayWhyTheyCannotRunBeforeJdk22() {
        assertThat(Baseline.FFM_SHARED.unavailableReason(17)).get().asString()
                .contains("needs JDK 22+").contains("17").contains("--jvm");
        assertThat(Baseline.FFM_CONFINED.unavailableReason(21)).isPresent();
        assertThat(Baseline.NETTY_ADAPTIVE.unavailableReason(17)).isEmpty();
        if (Runtime.version().feature() < 22) {
            assertThatThrownBy(() -> Baseline.FFM_SHARED.create(1024)).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("JDK 22");
        }
    }

    @ParameterizedTest
    @MethodSource("impls")
    void blocksAreUsableAtBothEnds(Impl impl) {
        try (Allocator a = impl.create(1 << 20)) {
            Lane lane = a.lane();
            for (int size : new int[] {16, 17, 64, 1000, 1024}) {
                long b = lane.allocate(size);
                assertThat(b).isNotEqualTo(Lane.FAILED);
                lane.putLong(b, 0, size);
                lane.putLong(b, size - Long.BYTES, -size);
                assertThat(lane.getLong(b, 0)).isEqualTo(size);
                assertThat(lane.getLong(b, size - Long.BYTES)).isEqualTo(-size);
            }
            lane.release();
        }
    }

    @ParameterizedTest
    @MethodSource("impls")
    void anEpochEndedByAnyThreadLetsGoOfEveryThreadsBlocks(Impl impl) throws InterruptedException {
        try (Allocator a = impl.create(1 << 20)) {
            Lane mine = a.lane();
            for (int i = 0; i < 100; i++) {
                assertThat(mine.allocate(64)).isNotEqualTo(Lane.FAILED);
            }
            assertThat(a.heldBytes()).isGreaterThanOrEqualTo(100 * 64);
            AtomicReference<Throwable> failure = new AtomicReference<>();
            Thread other = a.newThread(() -> {
                try {
                    Lane theirs = a.lane();
                    theirs.allocate(32);
                    theirs.endEpoch();
                    theirs.release();
                } catch (Throwable t) {
                    failure.set(t);
                }
            }, "other", 256 * 1024);
            other.start();
            other.join();
            assertThat(failure.get()).isNull();
            mine.settle();
            assertThat(a.heldBytes()).as("nothing of the ended epoch is held").isZero();
            assertThat(mine.allocate(64)).isNotEqualTo(Lane.FAILED);
            mine.release();
        }
    }

    @ParameterizedTest
    @MethodSource("impls")
    void aPinIsAStampForEveryAllocator(Impl impl) {
        try (Allocator a = impl.create(1 << 16)) {
            Lane lane = a.lane();
            long pin = lane.pin();
            assertThat(pin).as("a stamp is never negative").isNotNegative();
            assertThat(lane.allocate(128)).isNotEqualTo(Lane.FAILED);
            lane.unpin(pin);
            lane.release();
        }
    }

    @Test
    void aFullArenaIsAFailedAllocationNotAnException() {
        for (Impl impl : impls()) {
            if (impl.isBaseline()) {
                continue;
            }
            try (Allocator a = impl.create(4096)) {
                Lane lane = a.lane();
                int placed = 0;
                while (lane.allocate(64) != Lane.FAILED) {
                    placed++;
                    assertThat(placed).as("%s: more blocks than fit", impl.name()).isLessThanOrEqualTo(4096 / 64);
                }
                a.endEpoch();
                assertThat(lane.allocate(64)).as("%s: the epoch end made room", impl.name()).isNotEqualTo(Lane.FAILED);
            }
        }
    }
}
