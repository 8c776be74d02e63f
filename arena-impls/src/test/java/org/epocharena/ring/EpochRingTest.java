package org.epocharena.ring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.Iterator;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EpochRingTest {

    @ParameterizedTest
    @ValueSource(ints = {16, 100, 1000, 4096, 65_537})
    void fillsExactlyFromEmpty(int length) {
        SplittableRandom random = new SplittableRandom(length);
        for (int round = 0; round < 20; round++) {
            EpochRing ring = new EpochRing(length);
            long placed = 0;
            long epoch = 1;
            while (true) {
                int size = 16 + random.nextInt(1009);
                int offset = ring.place(size, epoch);
                if (placed + size <= length) {
                    assertThat(offset).as("bump placement at %d of %d", placed, length).isEqualTo((int) placed);
                    placed += size;
                } else {
                    assertThat(offset).isEqualTo(-1);
                    assertThat(ring.used()).isEqualTo(placed);
                    break;
                }
                if (random.nextInt(4) == 0) {
                    epoch++;
                }
            }
        }
    }

    @Test
    void wrapsToTheStartAndCountsTheSkippedEndAsWaste() {
        EpochRing ring = new EpochRing(1000);
        assertThat(ring.place(400, 1)).isEqualTo(0);
        assertThat(ring.place(400, 2)).isEqualTo(400);
        ring.freeBelow(2);
        assertThat(ring.used()).isEqualTo(400);
        // 200 bytes remain at the end but 300 do not fit there: wrap to 0, the 200 become waste.
        assertThat(ring.fits(300)).isTrue();
        assertThat(ring.place(300, 3)).isEqualTo(0);
        assertThat(ring.used()).isEqualTo(400 + 200 + 300);
        // Wrapped: only head..tail = 300..400 is free.
        assertThat(ring.fits(101)).isFalse();
        assertThat(ring.place(101, 3)).isEqualTo(-1);
        assertThat(ring.place(100, 3)).isEqualTo(300);
        assertThat(ring.used()).isEqualTo(1000);
        assertThat(ring.fits(16)).isFalse();
        assertThat(ring.place(16, 3)).isEqualTo(-1);
        // The waste belongs to epoch 3, the segment that wrapped: freeing epoch 2 frees only its 400 bytes.
        ring.freeBelow(3);
        assertThat(ring.used()).isEqualTo(600);
        assertThat(ring.place(401, 4)).isEqualTo(-1);
        assertThat(ring.place(400, 4)).isEqualTo(400);
        assertThat(ring.used()).isEqualTo(1000);
    }

    @Test
    void wasteAtTheEndBelongsToTheSegmentThatWrapped() {
        EpochRing ring = new EpochRing(1000);
        ring.place(500, 1);
        ring.place(300, 2);
        ring.freeBelow(2);                        // live: epoch 2 at 500..800
        assertThat(ring.place(300, 3)).isEqualTo(0);   // wraps, waste 800..1000 goes with epoch 3
        assertThat(ring.used()).isEqualTo(300 + 200 + 300);
        ring.freeBelow(3);                        // epoch 3 (with the waste) is all that is left
        assertThat(ring.used()).isEqualTo(500);
        assertThat(ring.place(500, 4)).isEqualTo(300);
        assertThat(ring.used()).isEqualTo(1000);
        assertThat(ring.place(16, 4)).isEqualTo(-1);
        ring.freeBelow(4);                        // and now the waste goes too
        assertThat(ring.used()).isEqualTo(500);
        assertThat(ring.place(200, 5)).isEqualTo(800);
    }

    @Test
    void freesAPrefixOfEpochsOnly() {
        EpochRing ring = new EpochRing(1000);
        ring.place(100, 1);
        ring.place(100, 2);
        ring.place(100, 2);
        ring.place(100, 5);
        ring.freeBelow(2);
        assertThat(ring.used()).isEqualTo(300);
        ring.freeBelow(1);                        // lower than before: nothing changes
        assertThat(ring.used()).isEqualTo(300);
        ring.freeBelow(5);
        assertThat(ring.used()).isEqualTo(100);
        ring.freeBelow(6);
        assertThat(ring.used()).isZero();
    }

    @Test
    void resetsToTheStartWhenEmptySoAFullRingIsUsableAgain() {
        EpochRing ring = new EpochRing(1000);
        ring.place(700, 1);
        ring.freeBelow(2);
        // Without the reset the head would be at 700 and 800 could only wrap if tail >= 800.
        assertThat(ring.place(800, 2)).isEqualTo(0);
        assertThat(ring.place(200, 2)).isEqualTo(800);
        assertThat(ring.place(16, 2)).isEqualTo(-1);
        ring.freeBelow(3);
        assertThat(ring.used()).isZero();
        assertThat(ring.place(1000, 3)).isZero();
    }

    @Test
    void growsPastItsInitialSegmentRecordsKeepingTheirOrder() {
        EpochRing ring = new EpochRing(100_000);
        for (int epoch = 1; epoch <= 500; epoch++) {
            assertThat(ring.place(16, epoch)).isEqualTo((epoch - 1) * 16);
        }
        ring.freeBelow(100);
        assertThat(ring.used()).isEqualTo(401 * 16);
        ring.freeBelow(401);
        assertThat(ring.used()).isEqualTo(100 * 16);
        for (int epoch = 501; epoch <= 1000; epoch++) {
            ring.place(16, epoch);
        }
        ring.freeBelow(1000);
        assertThat(ring.used()).isEqualTo(16);
    }

    /**
     * Contract rule 7's largest pool, where head + size passes Integer.MAX_VALUE: a ring of that length
     * filled with 1024-byte blocks must refuse the block that does not fit before the end (1015
     * bytes are left), also once wrapped and when the free stretch is between head and tail.
     */
    @Test
    void theLargestLengthNeverPlacesPastItsEnd() {
        int length = Integer.MAX_VALUE - 8;
        EpochRing ring = new EpochRing(length);
        int blocks = length / 1024;
        for (int i = 0; i < blocks; i++) {
            assertThat(ring.place(1024, 1)).isEqualTo(i * 1024);
        }
        int left = length - blocks * 1024;
        assertThat(left).isEqualTo(1015);
        assertThat(ring.fits(1024)).isFalse();
        assertThat(ring.place(1024, 1)).as("1024 bytes with %d left in %s", left, ring).isEqualTo(-1);
        assertThat(ring.place(1015, 1)).isEqualTo(length - 1015);
        assertThat(ring.used()).isEqualTo(length);
        // Wrapped: free epoch 1 but keep a last block of epoch 2 near the end, then fill from 0.
        EpochRing wrapped = new EpochRing(length);
        for (int i = 0; i < blocks - 1; i++) {
            wrapped.place(1024, 1);
        }
        long lastStart = wrapped.place(1024, 2);
        wrapped.freeBelow(2);
        assertThat(wrapped.place(1024, 3)).as("wraps to 0 past the live block at %d", lastStart).isZero();
        for (long at = 1024; at + 1024 <= lastStart; at += 1024) {
            assertThat(wrapped.place(1024, 3)).isEqualTo((int) at);
        }
        assertThat(wrapped.fits(1024)).isFalse();
        assertThat(wrapped.place(1024, 3)).as("head + size past the tail in %s", wrapped).isEqualTo(-1);
        assertThat(wrapped.used()).isLessThanOrEqualTo(length);
    }

    @Test
    void rejectsASliceShorterThanABlock() {
        assertThatThrownBy(() -> new EpochRing(15)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("16").hasMessageContaining("15");
    }

    /**
     * Random place/free sequences against a brute-force occupancy bitmap: a placed block never
     * overlaps a live one, stays inside the slice, {@code fits} agrees with {@code place}, used counts
     * at least the live bytes, and after freeing every epoch the whole slice is usable again.
     */
    @ParameterizedTest
    @ValueSource(ints = {16, 40, 1024, 3000, 10_007})
    void neverOverlapsALiveBlock(int length) {
        SplittableRandom random = new SplittableRandom(31L * length);
        for (int run = 0; run < 40; run++) {
            EpochRing ring = new EpochRing(length);
            List<long[]> live = new ArrayList<>();   // {offset, size, epoch}
            BitSet occupied = new BitSet(length);
            long epoch = 1;
            long freedBelow = 1;
            for (int step = 0; step < 2000; step++) {
                int action = random.nextInt(10);
                if (action < 7) {
                    int size = 16 + random.nextInt(Math.min(1009, Math.max(1, length - 15)));
                    boolean fits = ring.fits(size);
                    int offset = ring.place(size, epoch);
                    assertThat(offset >= 0).as("fits() agrees with place()").isEqualTo(fits);
                    if (offset >= 0) {
                        assertThat(offset + size).isLessThanOrEqualTo(length);
                        assertThat(occupied.get(offset, offset + size).isEmpty())
                                .as("block %d+%d overlaps a live block in %s", offset, size, ring).isTrue();
                        occupied.set(offset, offset + size);
                        live.add(new long[] {offset, size, epoch});
                    }
                } else if (action < 9) {
                    epoch++;
                } else {
                    long below = freedBelow + random.nextInt((int) (epoch - freedBelow) + 2);
                    below = Math.min(below, epoch + 1);
                    ring.freeBelow(below);
                    freedBelow = Math.max(freedBelow, below);
                    for (Iterator<long[]> it = live.iterator(); it.hasNext(); ) {
                        long[] block = it.next();
                        if (block[2] < below) {
                            occupied.clear((int) block[0], (int) (block[0] + block[1]));
                            it.remove();
                        }
                    }
                }
                long liveBytes = live.stream().mapToLong(b -> b[1]).sum();
                assertThat(ring.used()).isBetween(liveBytes, (long) length);
                assertThat(ring.used() == 0).isEqualTo(live.isEmpty());
            }
            ring.freeBelow(epoch + 1);
            assertThat(ring.used()).isZero();
            assertThat(ring.place(length, epoch + 1)).isZero();
        }
    }
}
