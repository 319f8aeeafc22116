package io.onlineuser.reliability.churn;

import io.onlineuser.testkit.JolokiaHttp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;

/**
 * Client threads running {@link ChurnCycles} against one connector until a budget (a number
 * of cycles, or a deadline) is spent. Used by ChurnIT and by the soak.
 */
public final class ChurnLoad {

    private final ChurnCycles cycles;
    private final int threads;
    private final ChurnTally tally;

    public ChurnLoad(String host, int port, JolokiaHttp jolokia, String sessionMBean, int threads) {
        this.tally = new ChurnTally();
        this.cycles = new ChurnCycles(host, port, jolokia, sessionMBean, tally);
        this.threads = threads;
    }

    public ChurnTally tally() {
        return tally;
    }

    /** Runs {@code total} cycles spread over the threads; returns when all are done. */
    public void runCycles(long total) throws InterruptedException {
        AtomicLong left = new AtomicLong(total);
        run(() -> left.getAndDecrement() > 0);
    }

    /** Runs cycles until {@code duration} has passed; returns when the last ones finish. */
    public void runFor(Duration duration) throws InterruptedException {
        long deadline = System.nanoTime() + duration.toNanos();
        run(() -> System.nanoTime() < deadline);
    }

    private void run(BooleanSupplier another) throws InterruptedException {
        List<Thread> workers = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            String name = "churn" + i;
            Thread worker = new Thread(() -> {
                for (long n = 0; another.getAsBoolean(); n++) {
                    cycles.run(name, n);
                }
            }, name);
            worker.setDaemon(true);
            workers.add(worker);
        }
        workers.forEach(Thread::start);
        for (Thread worker : workers) {
            worker.join();
        }
    }
}
