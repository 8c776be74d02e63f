package org.epocharena.linearizability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.stream.Stream;
import org.epocharena.ArenaKind;
import org.epocharena.Kinds;
import org.jetbrains.lincheck.LincheckAssertionError;
import org.jetbrains.lincheck.datastructures.ModelCheckingOptions;
import org.jetbrains.lincheck.datastructures.StressOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Contract rule 8 checked by Lincheck for every design in the tiny and the large {@link Shape}, and
 * for designs that split the pool also in the split one (for the others it is just a 1 KiB pool), in model-checking mode
 * (systematic interleavings at shared-memory accesses) and stress mode (real threads), on small
 * scenarios: 2 threads of 2 operations, with 1 operation before and 1 after. Runs are bounded so the
 * check takes seconds in {@code ./mvnw verify}: Lincheck's default iteration counts take minutes per mode.
 *
 * <p>Designs that {@link ArenaKind#matchesReference() match the reference} are compared with it run
 * sequentially, so a design that is linearizable but sequentially wrong fails too; the others are
 * compared with themselves run alone, in shapes where no allocation can fail (placement there
 * depends on which thread allocates, which a one-thread sequential run cannot reproduce).
 * {@link BrokenArena} must make the check fail: a check that cannot fail proves nothing.
 */
class ArenaLinearizabilityTest {

    /** The pool shapes each design is checked in. */
    enum Shape {
        /** 64 bytes, one part: out of memory is common. */
        TINY(64, 1, 200),
        /** 1 KiB cut into 4 stripes or chunks of 256 bytes, each large enough that nothing fails. */
        SPLIT(1024, 4, 200),
        /** 256 KiB with the design's own defaults (several stripes). */
        LARGE(256 << 10, 0, 60);

        final int capacity;
        final int parts;
        final int invocations;

        Shape(int capacity, int parts, int invocations) {
            this.capacity = capacity;
            this.parts = parts;
            this.invocations = invocations;
        }
    }

    static Stream<Arguments> runs() {
        return Arrays.stream(ArenaKind.values())
                .flatMap(kind -> Arrays.stream(Shape.values())
                        .filter(shape -> shape != Shape.SPLIT || kind.splitsThePool())
                        .map(shape -> Arguments.of(kind, shape)));
    }

    private static void prepare(ArenaKind kind, Shape shape) {
        ArenaOperations.testedKind = kind;
        ArenaOperations.specificationKind = kind.matchesReference() ? Kinds.reference() : kind;
        ArenaOperations.capacity = shape.capacity;
        ArenaOperations.parts = shape.parts;
        ArenaOperations.exactUsedBytes = kind.matchesReference() || kind.exactUsedBytes();
    }

    private static ModelCheckingOptions modelChecking(int invocations) {
        return new ModelCheckingOptions().iterations(8).invocationsPerIteration(invocations)
                .threads(2).actorsPerThread(2).actorsBefore(1).actorsAfter(1);
    }

    private static StressOptions stress(int invocations) {
        return new StressOptions().iterations(5).invocationsPerIteration(invocations)
                .threads(2).actorsPerThread(2).actorsBefore(1).actorsAfter(1);
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("runs")
    void linearizableUnderModelChecking(ArenaKind kind, Shape shape) {
        prepare(kind, shape);
        long started = System.nanoTime();
        modelChecking(shape.invocations).sequentialSpecification(ArenaOperations.Specification.class)
                .check(ArenaOperations.Tested.class);
        System.out.printf("lincheck model-checking %-13s %-5s passed in %.1f s%n", kind, shape,
                (System.nanoTime() - started) / 1e9);
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("runs")
    void linearizableUnderStress(ArenaKind kind, Shape shape) {
        prepare(kind, shape);
        long started = System.nanoTime();
        stress(shape.invocations / 2).sequentialSpecification(ArenaOperations.Specification.class)
                .check(ArenaOperations.Tested.class);
        System.out.printf("lincheck stress         %-13s %-5s passed in %.1f s%n", kind, shape,
                (System.nanoTime() - started) / 1e9);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(ArenaKind.class)
    void aNewEpochAndTheDeathOfWhatItFreesAreOneInstant(ArenaKind design) {
        EpochVisibilityOperations.testedKind = design;
        EpochVisibilityOperations.specificationKind = Kinds.reference();
        long started = System.nanoTime();
        new ModelCheckingOptions().iterations(30).invocationsPerIteration(150)
                .threads(2).actorsPerThread(2).actorsBefore(1).actorsAfter(1)
                .sequentialSpecification(EpochVisibilityOperations.Specification.class)
                .check(EpochVisibilityOperations.Tested.class);
        System.out.printf("lincheck epoch/liveness %-13s passed in %.1f s%n", design, (System.nanoTime() - started) / 1e9);
    }

    @Test
    void modelCheckingCatchesTheRacyAllocate() {
        ArenaOperations.exactUsedBytes = true;
        long started = System.nanoTime();
        LincheckAssertionError failure = assertThrows(LincheckAssertionError.class,
                () -> modelChecking(1000).check(ArenaOperations.Broken.class));
        System.out.printf("lincheck model-checking BrokenArena failed as it must in %.1f s:%n%s%n",
                (System.nanoTime() - started) / 1e9, failure.getMessage());
        assertThat(failure.getMessage()).contains("Invalid execution results");
    }
}
