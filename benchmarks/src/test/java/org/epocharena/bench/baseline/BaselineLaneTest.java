package org.epocharena.bench.baseline;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;
import java.util.ArrayList;
import java.util.List;
import org.epocharena.bench.workload.EpochAllocator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The baselines obey the same epoch workload as the arenas: blocks of the requested size, usable at
 * both ends, held for the epoch and let go when it ends (Netty buffers released to refCnt 0, so the
 * pool gets them back and nothing leaks; {@code byte[]} references dropped for the collector).
 */
class BaselineLaneTest {

    @ParameterizedTest
    @EnumSource(Baseline.class)
    void blocksAreUsableAndTheLaneIsOneThreads(Baseline baseline) {
        try (EpochAllocator lane = baseline.lane(Baseline.newNettyPool())) {
            assertThat(lane.sharedAcrossThreads()).isFalse();
            for (int size : new int[] {16, 17, 64, 1000, 1024}) {
                long b = lane.allocate(size);
                assertThat(b).isNotEqualTo(EpochAllocator.FAILED);
                assertThat(lane.touch(b)).as("size %d", size).isEqualTo(-1L);
            }
            try (var guard = lane.pin()) {
                assertThat(guard).isNotNull();
            }
        }
    }

    @ParameterizedTest
    @EnumSource(value = Baseline.class, names = {"NETTY_HEAP", "NETTY_DIRECT"})
    void nettyReleasesEveryBufferOfTheEpochWhenItEnds(Baseline baseline) {
        PooledByteBufAllocator pool = Baseline.newNettyPool();
        NettyLane lane = (NettyLane) baseline.lane(pool);
        List<ByteBuf> epoch1 = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            int size = 16 + i * 9;
            long b = lane.allocate(size);
            ByteBuf buf = lane.buffer(b);
            assertThat(buf.capacity()).isEqualTo(size);
            assertThat(buf.isDirect()).isEqualTo(baseline == Baseline.NETTY_DIRECT);
            assertThat(buf.refCnt()).isEqualTo(1);
            epoch1.add(buf);
        }
        long used = baseline == Baseline.NETTY_DIRECT ? pool.metric().usedDirectMemory() : pool.metric().usedHeapMemory();
        assertThat(used).as("the pool hands out its own memory").isPositive();

        lane.endEpoch();
        assertThat(epoch1).allSatisfy(buf -> assertThat(buf.refCnt()).as("released at the end of the epoch").isZero());

        long b = lane.allocate(64);
        ByteBuf later = lane.buffer(b);
        lane.close();
        assertThat(later.refCnt()).as("close releases the open epoch").isZero();
    }

    @Test
    void jvmNewDropsTheEpochsArraysWhenItEnds() {
        JvmNewLane lane = (JvmNewLane) Baseline.JVM_NEW.lane(null);
        for (int i = 0; i < 200; i++) {
            assertThat(lane.touch(lane.allocate(16 + i))).isEqualTo(-1L);
        }
        assertThat(lane.liveBlocks()).isEqualTo(200);
        long epoch = lane.endEpoch();
        assertThat(lane.liveBlocks()).isZero();
        assertThat(lane.endEpoch()).isEqualTo(epoch + 1);
    }
}
