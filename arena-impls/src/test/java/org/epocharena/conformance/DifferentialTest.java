package org.epocharena.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.IntRange;
import org.epocharena.ArenaKind;
import org.epocharena.EpochArena;
import org.epocharena.Kinds;

/**
 * Random single-threaded operation sequences without pins, replayed on the reference and on every
 * design that declares {@link ArenaKind#matchesReference()}: each step must give the same observable
 * outcome (placed or out of memory and the block's epoch, the new epoch, usedBytes). Handles are
 * opaque, so they are compared only through epochOf/sizeOf. jqwik shrinks a disagreement to a short
 * sequence.
 */
class DifferentialTest {

    sealed interface Op permits Allocate, TryAllocate, Reclaim, Epoch, UsedBytes {
    }

    record Allocate(int size) implements Op {
    }

    record TryAllocate(int size) implements Op {
    }

    record Reclaim() implements Op {
    }

    record Epoch() implements Op {
    }

    record UsedBytes() implements Op {
    }

    @Provide
    Arbitrary<List<Op>> operations() {
        Arbitrary<Integer> sizes = Arbitraries.oneOf(
                Arbitraries.integers().between(16, 1024),
                Arbitraries.of(16, 17, 1023, 1024));
        Arbitrary<Op> op = Arbitraries.frequencyOf(
                Tuple.of(5, sizes.map(Allocate::new)),
                Tuple.of(5, sizes.map(TryAllocate::new)),
                Tuple.of(1, Arbitraries.just(new Reclaim())),
                Tuple.of(1, Arbitraries.just(new Epoch())),
                Tuple.of(2, Arbitraries.just(new UsedBytes())));
        return op.list().ofMinSize(1).ofMaxSize(150);
    }

    @Property(tries = 200)
    void everyDesignThatMatchesTheReferenceAgreesWithIt(
            @ForAll @IntRange(min = 16, max = 8 * 1024) int capacity,
            @ForAll("operations") List<Op> ops) {
        ArenaKind reference = Kinds.reference();
        List<String> expected = replay(reference, capacity, ops);
        for (ArenaKind kind : Kinds.matchingReference()) {
            if (kind != reference) {
                assertThat(replay(kind, capacity, ops)).as("%s versus %s, capacity %d", kind, reference, capacity)
                        .containsExactlyElementsOf(expected);
            }
        }
    }

    /** The observable outcome of each step, as text, so a mismatch reads as a trace. */
    private static List<String> replay(ArenaKind kind, int capacity, List<Op> ops) {
        List<String> outcomes = new ArrayList<>(ops.size());
        try (EpochArena arena = kind.create(capacity)) {
            for (Op op : ops) {
                outcomes.add(op + " -> " + apply(arena, op));
            }
        }
        return outcomes;
    }

    private static String apply(EpochArena arena, Op op) {
        if (op instanceof Allocate a) {
            try {
                return placed(arena, arena.allocate(a.size()));
            } catch (org.epocharena.ArenaOutOfMemoryException e) {
                return "out of memory";
            }
        }
        if (op instanceof TryAllocate t) {
            long handle = arena.tryAllocate(t.size());
            return handle == EpochArena.OUT_OF_MEMORY ? "out of memory" : placed(arena, handle);
        }
        if (op instanceof Reclaim) {
            return "epoch " + arena.reclaim() + ", used " + arena.usedBytes();
        }
        if (op instanceof Epoch) {
            return "epoch " + arena.epoch();
        }
        return "used " + arena.usedBytes();
    }

    private static String placed(EpochArena arena, long handle) {
        return "placed " + arena.sizeOf(handle) + " bytes in epoch " + arena.epochOf(handle)
                + ", used " + arena.usedBytes();
    }
}
