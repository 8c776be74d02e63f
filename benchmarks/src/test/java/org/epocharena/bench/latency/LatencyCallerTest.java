package org.epocharena.bench.latency;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.atomic.AtomicReference;
import org.epocharena.bench.alloc.Impl;
import org.epocharena.bench.alloc.RunnableImpls;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The latency harness's caller on several threads of one allocator, as JMH runs it at {@code -t 2}
 * and more: every thread ends the epoch every 256 calls, so a thread's block must survive another
 * thread's epoch end while it touches it: the caller pins, or another thread's reclaim frees its
 * block under it and the touch fails with "that epoch was reclaimed".
 */
class LatencyCallerTest {
    @RegisterExtension
    final HdrFolder hdr = new HdrFolder();

    static List<Impl> impls() {
        return RunnableImpls.all();
    }

    @ParameterizedTest
    @MethodSource("impls")
    void callersOnFourThreadsTouchTheirBlocksWhileOthersEndEpochs(Impl impl) throws Exception {
        LatencyBenchmark.Side side = new LatencyBenchmark.Side();
        side.impl = impl.name();
        side.open(4);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        CyclicBarrier start = new CyclicBarrier(4);
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            Thread thread = new Thread(() -> {
                LatencyBenchmark.Caller caller = new LatencyBenchmark.Caller();
                try {
                    caller.open(side);
                    start.await();
                    for (int i = 0; i < 20_000; i++) {
                        caller.allocate();
                    }
                } catch (Throwable e) {
                    failure.compareAndSet(null, e);
                } finally {
                    caller.close();
                }
            });
            threads.add(thread);
            thread.start();
        }
        for (Thread thread : threads) {
            thread.join();
        }
        side.close();
        assertThat(failure.get()).as("%s", impl.name()).isNull();
    }
}
