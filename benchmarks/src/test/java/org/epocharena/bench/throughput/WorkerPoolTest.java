package org.epocharena.bench.throughput;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import org.junit.jupiter.api.Test;

/**
 * The pool's count is the throughput harness's primary figure: it must equal what the workers really
 * did, checked against a count the operations keep themselves, also when the pool is oversubscribed.
 */
class WorkerPoolTest {

    @Test
    void totalEqualsTheOperationsOwnCountWhenOversubscribed() {
        int workers = 300;
        AtomicLong done = new AtomicLong();
        AtomicLongArray perWorker = new AtomicLongArray(workers);
        WorkerPool pool = new WorkerPool("count", workers, (id, stop) -> () -> {
            done.incrementAndGet();
            perWorker.incrementAndGet(id);
            Thread.yield();
            return 1;
        });
        pool.awaitTotal(50_000);
        assertThat(pool.stop(10_000)).as("workers still alive").isZero();

        assertThat(pool.total()).isEqualTo(done.get()).isGreaterThanOrEqualTo(50_000);
        long[] snapshot = new long[workers];
        pool.snapshot(snapshot);
        for (int i = 0; i < workers; i++) {
            assertThat(snapshot[i]).as("worker %d", i).isEqualTo(perWorker.get(i));
        }
    }

    @Test
    void operationsThatGaveUpAreNotCounted() {
        AtomicLong completed = new AtomicLong();
        AtomicLong calls = new AtomicLong();
        WorkerPool pool = new WorkerPool("gave-up", 4, (id, stop) -> () -> {
            if (calls.incrementAndGet() % 3 == 0) {
                return WorkerPool.GAVE_UP;
            }
            completed.incrementAndGet();
            return 7;
        });
        pool.awaitTotal(10_000);
        assertThat(pool.stop(10_000)).isZero();

        assertThat(pool.total()).isEqualTo(completed.get()).isLessThan(calls.get());
    }

    @Test
    void windowNeverCountsMoreThanTheWorkersDid() {
        AtomicLong done = new AtomicLong();
        WorkerPool pool = new WorkerPool("window", 8, (id, stop) -> () -> {
            done.incrementAndGet();
            return 1;
        });
        try {
            Window window = new Window(pool, 1_000);
            long before = done.get();
            window.begin();
            for (int i = 0; i < 40; i++) {
                window.next();
            }
            // 40 invocations of 1000 operations each were credited: the workers did at least that many.
            assertThat(done.get() - before).isGreaterThanOrEqualTo(40_000);
            window.end();
            WorkerPool.Fairness f = window.fairness();
            pool.awaitTotal(pool.total() + 10_000);
            assertThat(window.fairness()).as("frozen at the end of the iteration, not read later").isEqualTo(f);
            assertThat(f.min()).isLessThanOrEqualTo(f.median());
            assertThat(f.median()).isLessThanOrEqualTo(f.max());
            assertThat(f.starvedShare()).isBetween(0.0, 1.0);
            assertThat(window.sinceStart().max()).as("since start covers the window").isGreaterThanOrEqualTo(f.max());
            assertThat(window.sinceStart().starvedShare()).isLessThanOrEqualTo(f.starvedShare());
        } finally {
            pool.close();
        }
    }

    @Test
    void aFailingWorkerIsReportedNotHidden() throws InterruptedException {
        java.util.concurrent.CountDownLatch failed = new java.util.concurrent.CountDownLatch(2);
        WorkerPool pool = new WorkerPool("fail", 2, (id, stop) -> () -> {
            failed.countDown();
            throw new IllegalStateException("boom in worker");
        });
        failed.await();
        pool.stop(10_000);
        assertThatThrownBy(pool::total).isInstanceOf(IllegalStateException.class).hasMessageContaining("boom in worker");
    }

    @Test
    void workerCountOutsideTheBoundIsRefusedNamingIt() {
        assertThatThrownBy(() -> new WorkerPool("bad", 0, (id, stop) -> () -> 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("was 0").hasMessageContaining("65536");
    }

    @Test
    void fairnessOfKnownCounts() {
        WorkerPool.Fairness even = WorkerPool.fairness(new long[] {10, 10, 10, 10}, new long[] {15, 10, 13, 20});
        assertThat(even.min()).isZero();
        assertThat(even.median()).isEqualTo(4); // (3 + 5) / 2
        assertThat(even.max()).isEqualTo(10);
        assertThat(even.starvedShare()).isEqualTo(0.25);

        WorkerPool.Fairness odd = WorkerPool.fairness(new long[] {0, 0, 0, 0, 0}, new long[] {9, 0, 0, 4, 1});
        assertThat(odd.min()).isZero();
        assertThat(odd.median()).isEqualTo(1);
        assertThat(odd.max()).isEqualTo(9);
        assertThat(odd.starvedShare()).isEqualTo(0.4);
    }
}
