package org.epocharena.linearizability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.epocharena.ArenaKind;
import org.jetbrains.lincheck.LincheckAssertionError;
import org.jetbrains.lincheck.datastructures.ModelCheckingOptions;
import org.jetbrains.lincheck.datastructures.StressOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * SPEC rule 8 checked by Lincheck for every design, in model-checking mode (systematic
 * interleavings at shared-memory accesses) and stress mode (real threads), on small scenarios:
 * 2 threads of 2 operations, with 1 operation before and 1 after. Each run is bounded at 10
 * scenarios of 1000 invocations (Lincheck's defaults take minutes per mode here, TOOLING.md).
 *
 * <p>Designs that place without waste are compared with REFERENCE run sequentially, so a design
 * that is linearizable but sequentially wrong fails too; STRIPED, whose sequential placement may
 * differ, is compared with itself. {@link BrokenArena} must make the check fail: a check that
 * cannot fail proves nothing.
 */
class ArenaLinearizabilityTest {

    private static Class<?> sequentialSpecFor(ArenaKind kind) {
        return kind == ArenaKind.STRIPED ? ArenaOperations.of(kind) : ArenaOperations.Reference.class;
    }

    private static ModelCheckingOptions modelChecking() {
        return new ModelCheckingOptions().iterations(10).invocationsPerIteration(1000)
                .threads(2).actorsPerThread(2).actorsBefore(1).actorsAfter(1);
    }

    private static StressOptions stress() {
        return new StressOptions().iterations(10).invocationsPerIteration(1000)
                .threads(2).actorsPerThread(2).actorsBefore(1).actorsAfter(1);
    }

    @ParameterizedTest
    @EnumSource(ArenaKind.class)
    void linearizableUnderModelChecking(ArenaKind kind) {
        long started = System.nanoTime();
        modelChecking().sequentialSpecification(sequentialSpecFor(kind)).check(ArenaOperations.of(kind));
        System.out.printf("lincheck model-checking %-12s passed in %.1f s%n", kind, (System.nanoTime() - started) / 1e9);
    }

    @ParameterizedTest
    @EnumSource(ArenaKind.class)
    void linearizableUnderStress(ArenaKind kind) {
        long started = System.nanoTime();
        stress().sequentialSpecification(sequentialSpecFor(kind)).check(ArenaOperations.of(kind));
        System.out.printf("lincheck stress         %-12s passed in %.1f s%n", kind, (System.nanoTime() - started) / 1e9);
    }

    @Test
    void modelCheckingCatchesTheRacyAllocate() {
        long started = System.nanoTime();
        LincheckAssertionError failure = assertThrows(LincheckAssertionError.class,
                () -> modelChecking().check(ArenaOperations.Broken.class));
        System.out.printf("lincheck model-checking BrokenArena failed as it must in %.1f s:%n%s%n",
                (System.nanoTime() - started) / 1e9, failure.getMessage());
        assertThat(failure.getMessage()).contains("Invalid execution results");
    }
}
