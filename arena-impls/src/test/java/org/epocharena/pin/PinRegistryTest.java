package org.epocharena.pin;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import org.epocharena.EpochArena;
import org.junit.jupiter.api.Test;

/**
 * The registry's answer for reclaims, {@link PinRegistry#oldestPinnedEpochAfterAdvance(long)}, which skips
 * the scan while the oldest pin it last found still holds: it must follow that pin's release, its
 * thread's end, and never miss an older pin.
 */
class PinRegistryTest {
    private final PinRegistry pins = new PinRegistry();
    private final AtomicLong epoch = new AtomicLong(1);

    /** Pins a new thread at the current epoch and keeps it pinned until {@code release} opens. */
    private Thread pinnedThread(CountDownLatch release) throws InterruptedException {
        CountDownLatch pinned = new CountDownLatch(1);
        Thread thread = new Thread(() -> {
            try (EpochArena.Guard guard = pins.pin(epoch::get)) {
                pinned.countDown();
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        thread.start();
        pinned.await();
        return thread;
    }

    @Test
    void answersTheOldestPinUntilItIsReleased_thenScansAgain() throws Exception {
        CountDownLatch releaseOld = new CountDownLatch(1);
        CountDownLatch releaseNew = new CountDownLatch(1);
        Thread old = pinnedThread(releaseOld);
        epoch.set(5);
        Thread newer = pinnedThread(releaseNew);
        epoch.set(9);
        assertThat(pins.oldestPinnedEpochAfterAdvance(epoch.get())).isEqualTo(1);
        assertThat(pins.oldestPinnedEpochAfterAdvance(epoch.get())).as("answered from the remembered pin").isEqualTo(1);
        releaseOld.countDown();
        old.join();
        assertThat(pins.oldestPinnedEpochAfterAdvance(epoch.get())).as("the old pin went: the next oldest").isEqualTo(5);
        releaseNew.countDown();
        newer.join();
        assertThat(pins.oldestPinnedEpochAfterAdvance(epoch.get())).isEqualTo(Long.MAX_VALUE);
    }

    @Test
    void aRememberedPinWhoseThreadRepinsLaterIsNotTakenForTheOldOne() throws Exception {
        CountDownLatch again = new CountDownLatch(1);
        CountDownLatch repinned = new CountDownLatch(1);
        CountDownLatch done = new CountDownLatch(1);
        Thread thread = new Thread(() -> {
            try {
                try (EpochArena.Guard guard = pins.pin(epoch::get)) {
                    again.await();
                }
                try (EpochArena.Guard guard = pins.pin(epoch::get)) {
                    repinned.countDown();
                    done.await();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        thread.start();
        while (pins.oldestPinnedEpoch() != 1) {
            Thread.onSpinWait();
        }
        assertThat(pins.oldestPinnedEpochAfterAdvance(epoch.get())).isEqualTo(1);
        epoch.set(3);
        again.countDown();
        repinned.await();
        assertThat(pins.oldestPinnedEpochAfterAdvance(epoch.get())).as("same slot, same thread, a newer pin").isEqualTo(3);
        done.countDown();
        thread.join();
    }

    @Test
    void aRememberedPinOfAThreadThatEndedHoldsNothing() throws Exception {
        Thread thread = new Thread(() -> pins.pin(epoch::get));   // ends while pinned
        thread.start();
        thread.join();
        epoch.set(4);
        assertThat(pins.oldestPinnedEpochAfterAdvance(epoch.get())).isEqualTo(Long.MAX_VALUE);
        CountDownLatch release = new CountDownLatch(1);
        Thread live = pinnedThread(release);
        assertThat(pins.oldestPinnedEpochAfterAdvance(epoch.get())).isEqualTo(4);
        release.countDown();
        live.join();
    }

    /**
     * A slow scan for the change to epoch 5 can read one slot late, pinned at 10, after missing a pin
     * made at 7 in a slot it read early. That finding is newer than 5, so it must not answer for later
     * reclaims: the pin at 7 would lose its blocks.
     */
    @Test
    void aScanThatFoundOnlyPinsNewerThanTheAdvanceIsNotRemembered() throws Exception {
        CountDownLatch releaseLate = new CountDownLatch(1);
        epoch.set(10);
        Thread late = pinnedThread(releaseLate);
        assertThat(pins.oldestPinnedEpochAfterAdvance(5)).isEqualTo(10);
        CountDownLatch releaseMissed = new CountDownLatch(1);
        epoch.set(7);
        Thread missed = pinnedThread(releaseMissed);
        assertThat(pins.oldestPinnedEpochAfterAdvance(12)).as("the pin at 7, not the remembered 10").isEqualTo(7);
        releaseLate.countDown();
        releaseMissed.countDown();
        late.join();
        missed.join();
    }
}
