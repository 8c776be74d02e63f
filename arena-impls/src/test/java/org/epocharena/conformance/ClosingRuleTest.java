package org.epocharena.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.epocharena.Design;
import org.epocharena.EpochArena;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

/** Contract rule 9: close is idempotent and every later call but close() is ISE("arena is closed"). */
class ClosingRuleTest {

    @ParameterizedTest
    @MethodSource("org.epocharena.Design#all")
    void everyCallAfterCloseButCloseIsRejected(Design kind) {
        EpochArena arena = kind.create(1024);
        long live = arena.allocate(64);
        arena.close();
        assertThatCode(arena::close).doesNotThrowAnyException();
        byte[] buffer = new byte[8];
        Map<String, ThrowingCallable> calls = Map.ofEntries(
                Map.entry("allocate", () -> arena.allocate(16)),
                Map.entry("tryAllocate", () -> arena.tryAllocate(16)),
                Map.entry("reclaim", arena::reclaim),
                Map.entry("epoch", arena::epoch),
                Map.entry("capacity", arena::capacity),
                Map.entry("usedBytes", arena::usedBytes),
                Map.entry("wasteBound", arena::wasteBound),
                Map.entry("pin", arena::pin),
                Map.entry("putByte", () -> arena.putByte(live, 0, (byte) 1)),
                Map.entry("getByte", () -> arena.getByte(live, 0)),
                Map.entry("putLong", () -> arena.putLong(live, 0, 1L)),
                Map.entry("getLong", () -> arena.getLong(live, 0)),
                Map.entry("write", () -> arena.write(live, 0, buffer, 0, 8)),
                Map.entry("read", () -> arena.read(live, 0, buffer, 0, 8)),
                Map.entry("sizeOf", () -> arena.sizeOf(live)),
                Map.entry("epochOf", () -> arena.epochOf(live)),
                Map.entry("isLive", () -> arena.isLive(live)));
        calls.forEach((name, call) -> assertThat(catchThrowable(call)).as(name + " after close")
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("arena is closed"));
        assertThatCode(arena::close).doesNotThrowAnyException();
    }

    @ParameterizedTest
    @MethodSource("org.epocharena.Design#all")
    void closingWhilePinnedIsFineAndTheGuardCanStillBeClosed(Design kind) {
        EpochArena arena = kind.create(1024);
        EpochArena.Guard guard = arena.pin();
        arena.close();
        assertThatCode(guard::close).doesNotThrowAnyException();
        assertThatThrownBy(arena::pin).isInstanceOf(IllegalStateException.class).hasMessage("arena is closed");
    }
}
