package io.onlineuser.agent.track;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The stripe lock on its own: mutual exclusion, and no lost update through every waiting stage. */
class StripeLockTest {

    /** A lock guarding plain fields, as a table stripe guards its slots. */
    private static final class Guarded extends StripeLock {
        long count;
        int inside;
        int overlaps;
    }

    private static void increment(Guarded guarded) {
        guarded.lock();
        try {
            if (guarded.inside++ != 0) {
                guarded.overlaps++;
            }
            guarded.count++;
            guarded.inside--;
        } finally {
            guarded.unlock();
        }
    }

    @Test
    void threadsIncrementingUnderTheLockLoseNoUpdate() throws Exception {
        Guarded guarded = new Guarded();
        int threads = 4;
        int perThread = 500_000;
        run(threads, () -> {
            for (int i = 0; i < perThread; i++) {
                increment(guarded);
            }
        });
        assertThat(guarded.overlaps).isZero();
        assertThat(guarded.count).isEqualTo((long) threads * perThread);
    }

    @Test
    void waitersGetTheLockFromAHolderThatSleeps() throws Exception {
        Guarded guarded = new Guarded();
        int threads = 3;
        int rounds = 40;
        // a holder that sleeps puts the others past spinning and yielding, into parked polls
        run(threads, () -> {
            for (int i = 0; i < rounds; i++) {
                guarded.lock();
                try {
                    if (guarded.inside++ != 0) {
                        guarded.overlaps++;
                    }
                    Thread.sleep(1);
                    guarded.count++;
                    guarded.inside--;
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                } finally {
                    guarded.unlock();
                }
            }
        });
        assertThat(guarded.overlaps).isZero();
        assertThat(guarded.count).isEqualTo((long) threads * rounds);
    }

    private static void run(int threads, Runnable work) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                done.add(pool.submit(() -> {
                    start.await();
                    work.run();
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> future : done) {
                future.get(2, TimeUnit.MINUTES);
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
