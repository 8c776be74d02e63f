package org.epocharena.bench.workload;

import java.util.concurrent.locks.LockSupport;
import org.epocharena.bench.alloc.Lane;

/**
 * What a worker does when its allocator is full: end the epoch itself, or wait briefly for a dedicated
 * reclaimer. Either way it gives up the CPU, so a full allocator never turns a thread into a spinning one.
 */
public enum OnFull {
    /** End the epoch from the worker (reclaim-on-full), then yield. */
    RECLAIM {
        @Override
        public void react(Lane lane) {
            lane.endEpoch();
            Thread.yield();
        }
    },
    /** Park 50 µs and retry: a dedicated reclaimer is expected to free memory meanwhile. */
    BACK_OFF {
        @Override
        public void react(Lane lane) {
            LockSupport.parkNanos(50_000);
        }
    };

    public abstract void react(Lane lane);
}
