package org.epocharena.bench.workload;

import static org.assertj.core.api.Assertions.assertThat;

import org.epocharena.EpochArena;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Each size mix stays within the arena's block bounds and has the shape its Javadoc claims. */
class SizeMixTest {
    private static final int DRAWS = 200_000;

    @ParameterizedTest
    @EnumSource(SizeMix.class)
    void everySizeIsAValidBlockSize(SizeMix mix) {
        long r = 1;
        for (int i = 0; i < DRAWS; i++) {
            r = SizeMix.next(r);
            assertThat(mix.size(r)).isBetween(EpochArena.MIN_BLOCK, EpochArena.MAX_BLOCK);
        }
    }

    @Test
    void mixedIsThreeQuartersSmallWithALongTail() {
        long r = 99;
        int small = 0;
        int min = Integer.MAX_VALUE;
        int max = 0;
        for (int i = 0; i < DRAWS; i++) {
            r = SizeMix.next(r);
            int s = SizeMix.MIXED.size(r);
            small += s <= 128 ? 1 : 0;
            min = Math.min(min, s);
            max = Math.max(max, s);
        }
        assertThat(small / (double) DRAWS).isBetween(0.73, 0.77);
        assertThat(min).isEqualTo(16);
        assertThat(max).isEqualTo(1024);
    }

    @Test
    void fixedAndLargeStayInTheirRanges() {
        long r = 5;
        for (int i = 0; i < DRAWS; i++) {
            r = SizeMix.next(r);
            assertThat(SizeMix.FIXED_64.size(r)).isEqualTo(64);
            assertThat(SizeMix.LARGE.size(r)).isBetween(512, 1024);
        }
    }

    @Test
    void theGeneratorNeverReachesZero() {
        long r = 1;
        for (int i = 0; i < DRAWS; i++) {
            r = SizeMix.next(r);
            assertThat(r).isNotZero();
        }
    }
}
