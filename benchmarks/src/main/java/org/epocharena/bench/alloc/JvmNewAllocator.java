package org.epocharena.bench.alloc;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * {@link Baseline#JVM_NEW}: each block is a fresh {@code byte[size]}, held while its epoch lasts and
 * then dropped for the garbage collector, which pays for what an arena's reclaim does. Held bytes:
 * the arrays the threads still reference (garbage awaiting collection is not counted).
 */
final class JvmNewAllocator extends LaneAllocator {
    /** The same little-endian long view of a byte[] an arena's pool uses. */
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    @Override
    BaselineLane<?> newLane() {
        return new BaselineLane<byte[]>(this) {
            @Override
            byte[] newBlock(int size) {
                return new byte[size];
            }

            @Override
            void free(byte[] block) {
                // dropped: the collector frees it
            }

            @Override
            void putLong(byte[] block, int offset, long value) {
                LONGS.set(block, offset, value);
            }

            @Override
            long getLong(byte[] block, int offset) {
                return (long) LONGS.get(block, offset);
            }
        };
    }
}
