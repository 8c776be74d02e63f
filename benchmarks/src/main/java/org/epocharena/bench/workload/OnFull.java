package org.epocharena.bench.workload;

import java.util.concurrent.locks.LockSupport;

/**
 * What a worker does when its allocator is full: reclaim itself, or wait briefly for a dedicated
 * reclaimer. Either way it gives up the CPU, so a full arena never turns a thread into a spinning one.
 */
public enum OnFull {
    /** End the epoch from the worker (reclaim-on-OOM), then yield. */
    RECLAIM {
        @Override
        public void react(EpochAllocator allocator) {
            allocator.endEpoch();
            Thread.yield();
        }
    },
    /** Park 50 µs and retry: a dedicated reclaimer is expected to free memory meanwhile. */
    BACK_OFF {
        @Override
        public void react(EpochAllocator allocator) {
            LockSupport.parkNanos(50_000);
        }
    };

    public abstract void react(EpochAllocator allocator);
}
