package org.epocharena.chunks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.epocharena.ArenaLimits;
import org.epocharena.block.BlockTable;
import org.junit.jupiter.api.Test;

/**
 * The lock-free epoch clock: a reclaimer stalled in the middle of a change holds up nobody, because
 * whoever meets the change finishes it, and the change is decided once however many finish it.
 */
class EpochClockTest {

    @Test
    void aReclaimerStalledMidChangeBlocksNobody_andItsChangeIsDecidedOnce() throws Exception {
        BlockTable blocks = new BlockTable(1024);
        CountDownLatch stalled = new CountDownLatch(1);
        CountDownLatch resume = new CountDownLatch(1);
        AtomicLong scans = new AtomicLong();
        Thread stalledThread = Thread.currentThread();
        EpochClock clock = new EpochClock(blocks, newEpoch -> {
            scans.incrementAndGet();
            if (Thread.currentThread() != stalledThread && stalled.getCount() > 0) {
                stalled.countDown();
                try {
                    resume.await();   // the reclaimer is "preempted" after it set the odd bit
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return Long.MAX_VALUE;
        }, ArenaLimits.MAX_EPOCH);
        AtomicLong returned = new AtomicLong();
        Thread reclaimer = new Thread(() -> returned.set(clock.advance(1)));
        reclaimer.start();
        assertThat(stalled.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(clock.state() & 1).as("the change took effect: odd").isEqualTo(1);

        // This thread meets the half-done change and finishes it itself, without waiting.
        assertThat(clock.epoch()).isEqualTo(2);
        assertThat(blocks.freedBelow()).as("freed before the new epoch was answered").isEqualTo(2);
        assertThat(clock.advance(1)).as("a reclaim goes on past the stalled one").isEqualTo(3);

        resume.countDown();
        reclaimer.join();
        assertThat(returned.get()).as("the stalled reclaim still owns exactly one change").isEqualTo(2);
        assertThat(clock.epoch()).isEqualTo(3);
        assertThat(blocks.freedBelow()).isEqualTo(3);
    }

    @Test
    void theFreeingBoundIsTheOldestPinWhenThatIsOlder() {
        BlockTable blocks = new BlockTable(1024);
        AtomicLong oldestPin = new AtomicLong(Long.MAX_VALUE);
        EpochClock clock = new EpochClock(blocks, newEpoch -> oldestPin.get(), ArenaLimits.MAX_EPOCH);
        clock.advance(1);
        oldestPin.set(2);
        assertThat(clock.advance(5)).isEqualTo(7);
        assertThat(blocks.freedBelow()).isEqualTo(2);
        oldestPin.set(Long.MAX_VALUE);
        clock.advance(1);
        assertThat(blocks.freedBelow()).isEqualTo(8);
    }

    @Test
    void epochsStopAtTheLimitNamingIt() {
        EpochClock clock = new EpochClock(new BlockTable(1024), newEpoch -> Long.MAX_VALUE, 10);
        assertThat(clock.advance(9)).isEqualTo(10);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> clock.advance(1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("10");
        assertThat(clock.epoch()).isEqualTo(10);
    }
}
