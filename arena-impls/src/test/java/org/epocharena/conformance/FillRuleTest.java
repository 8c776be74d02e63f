package org.epocharena.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.epocharena.Design;
import org.epocharena.EpochArena;

/**
 * The fill rule of "How full an arena can get", as a property over random capacities and size
 * sequences, for every design and configuration ({@link Design}) in each try: from empty (new, or after a reclaim that freed
 * everything) an allocation succeeds while allocatedSinceEmpty + s &lt;= capacity - wasteBound and
 * fails once it would exceed capacity; between the two either is allowed. Failures change nothing,
 * so the sequence continues after them.
 */
class FillRuleTest {

    @Property(tries = 200)
    void fromEmptyAllocationFollowsTheFillRule(
            @ForAll @IntRange(min = 16, max = 16 * 1024) int capacity,
            @ForAll @Size(min = 1, max = 120) List<@IntRange(min = 16, max = 1024) Integer> sizes,
            @ForAll @IntRange(min = 0, max = 3) int emptiedByReclaims) {
        for (Design kind : (Iterable<Design>) Design.all()::iterator) {
            try (EpochArena arena = kind.create(capacity)) {
                // "Empty" also means: after reclaims that freed everything allocated before.
                for (int round = 0; round < emptiedByReclaims; round++) {
                    for (int i = 0; i < 4 && arena.tryAllocate(16 + 100 * i) != EpochArena.OUT_OF_MEMORY; i++) {
                        // keep placing
                    }
                    arena.reclaim();
                    assertThat(arena.usedBytes()).as("%s emptied by reclaim", kind).isZero();
                }
                long bound = capacity - arena.wasteBound();
                long allocated = 0;
                for (int s : sizes) {
                    long handle = arena.tryAllocate(s);
                    boolean placed = handle != EpochArena.OUT_OF_MEMORY;
                    if (allocated + s <= bound) {
                        assertThat(placed).as("%s cap %d: %d + %d <= cap - wasteBound %d must fit",
                                kind, capacity, allocated, s, bound).isTrue();
                    }
                    if (allocated + s > capacity) {
                        assertThat(placed).as("%s cap %d: %d + %d > cap must fail", kind, capacity, allocated, s)
                                .isFalse();
                    }
                    if (placed) {
                        allocated += s;
                        assertThat(arena.sizeOf(handle)).isEqualTo(s);
                    }
                }
                assertThat(arena.usedBytes()).as("%s usedBytes", kind).isBetween(allocated, (long) capacity);
            }
        }
    }
}
