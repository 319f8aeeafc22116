package io.onlineuser.collector.jolokia;

import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Asks every connector, at most {@code maxInFlight} at a time, and waits at most until one
 * deadline. Calls beyond the bound queue and start as others finish; one that has not started by
 * the deadline is reported as not asked, naming the bound, never waited for. The HTTP client's own
 * timeout normally ends a silent call first; the deadline here also covers a server that sends
 * headers and then stalls, so no caller ever waits past {@code timeout} plus scheduling slack.
 * Within a question each connector has one call at a time, so the shared HTTP clients keep at most
 * one keep-alive connection per connector.
 */
public final class FanOut implements AutoCloseable {

    /**
     * Enough that 10 % of 1,000 connectors silent (each holds its slot for the whole timeout)
     * leave most slots cycling through the others, few enough that a fleet's question does not
     * start a thread and a socket per connector at once.
     */
    public static final int DEFAULT_MAX_IN_FLIGHT = 256;

    private final int maxInFlight;
    /**
     * Threads made only as calls need them, the most recently idle one reused first (a cached
     * pool's hand-off is LIFO). A fixed pool of {@code maxInFlight} threads grows to all of them
     * and wakes them in turn: for 8 connectors, 256 threads cost ~25 % more CPU and ~20 % more
     * time per {@code online()} than 8 (1.5–1.9 ms against 1.1–1.8 ms, alternated in one run).
     */
    private final ExecutorService threads;
    /** Calls not yet taken by a worker; at most {@code maxInFlight} workers drain it. */
    private final Queue<Runnable> waiting = new ConcurrentLinkedQueue<>();
    private final AtomicInteger workers = new AtomicInteger();
    private final FanOutProgress progress = new FanOutProgress();

    public FanOut() {
        this(DEFAULT_MAX_IN_FLIGHT);
    }

    public FanOut(int maxInFlight) {
        if (maxInFlight < 1) {
            throw new IllegalArgumentException("concurrency must be at least 1, got " + maxInFlight);
        }
        this.maxInFlight = maxInFlight;
        this.threads = Executors.newCachedThreadPool(daemonThreads());
    }

    public int maxInFlight() {
        return maxInFlight;
    }

    /** Counts of the calls under way now and since start, for a progress line and for tests. */
    public FanOutProgress progress() {
        return progress;
    }

    public <T> List<Outcome<T>> callAll(List<ConnectorClient> clients, ConnectorCall<T> call, long timeoutMillis) {
        List<Pending<T>> pending = new ArrayList<>(clients.size());
        for (ConnectorClient client : clients) {
            pending.add(start(client, call, timeoutMillis));
        }
        List<Outcome<T>> outcomes = new ArrayList<>(clients.size());
        for (Pending<T> one : pending) {
            outcomes.add(one.await());
        }
        return outcomes;
    }

    /** Queues one call now and returns at once; its deadline runs from this moment. */
    public <T> Pending<T> start(ConnectorClient client, ConnectorCall<T> call, long timeoutMillis) {
        AtomicBoolean started = new AtomicBoolean();
        progress.queued();
        CompletableFuture<T> future = CompletableFuture.supplyAsync(() -> {
            started.set(true);
            progress.started();
            try {
                return callUnchecked(client, call, timeoutMillis);
            } finally {
                progress.finished();
            }
        }, this::submit);
        return new Pending<>(this, client, future, started, System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis),
                timeoutMillis);
    }

    @Override
    public void close() {
        threads.shutdownNow();
        waiting.clear();
    }

    private void submit(Runnable call) {
        waiting.add(call);
        if (claimWorker()) {
            try {
                threads.execute(this::work);
            } catch (RejectedExecutionException closed) {
                workers.decrementAndGet();
                throw closed;
            }
        }
    }

    /** Runs queued calls until none is left; a call queued while this worker was leaving is taken, not stranded. */
    private void work() {
        do {
            for (Runnable call = waiting.poll(); call != null; call = waiting.poll()) {
                call.run();
            }
            workers.decrementAndGet();
        } while (!waiting.isEmpty() && claimWorker());
    }

    private boolean claimWorker() {
        for (int now = workers.get(); now < maxInFlight; now = workers.get()) {
            if (workers.compareAndSet(now, now + 1)) {
                return true;
            }
        }
        return false;
    }

    private static <T> T callUnchecked(ConnectorClient client, ConnectorCall<T> call, long timeoutMillis) {
        try {
            return call.call(client);
        } catch (ConnectorException e) {
            throw new CallFailed(e);
        } catch (RuntimeException e) {
            throw new CallFailed(FailureClassifier.classify(e, timeoutMillis));
        }
    }

    private static Throwable unwrap(Throwable failure) {
        return failure instanceof CallFailed failed ? failed.failure : failure;
    }

    private static ThreadFactory daemonThreads() {
        AtomicInteger count = new AtomicInteger();
        return task -> {
            Thread thread = new Thread(task, "onlineuser-collector-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    /** A call under way: {@link #await()} gives its outcome by the deadline, {@link #cancel()} drops it. */
    public static final class Pending<T> {
        private final FanOut owner;
        private final ConnectorClient client;
        private final CompletableFuture<T> future;
        private final AtomicBoolean started;
        private final long deadlineNanos;
        private final long timeoutMillis;
        private final AtomicBoolean settled = new AtomicBoolean();

        private Pending(FanOut owner, ConnectorClient client, CompletableFuture<T> future, AtomicBoolean started,
                        long deadlineNanos, long timeoutMillis) {
            this.owner = owner;
            this.client = client;
            this.future = future;
            this.started = started;
            this.deadlineNanos = deadlineNanos;
            this.timeoutMillis = timeoutMillis;
        }

        public Outcome<T> await() {
            try {
                long remaining = Math.max(0, deadlineNanos - System.nanoTime());
                return settle(new Outcome<>(client, future.get(remaining, TimeUnit.NANOSECONDS), null));
            } catch (TimeoutException e) {
                future.cancel(true);
                String why = started.get() ? "no answer within " + timeoutMillis + " ms"
                        : "not asked within " + timeoutMillis + " ms: all " + owner.maxInFlight
                        + " concurrent calls were busy (raise --concurrency)";
                return settle(new Outcome<>(client, null, new ConnectorException(FailureKind.TIMED_OUT, why)));
            } catch (ExecutionException e) {
                return settle(new Outcome<>(client, null, FailureClassifier.classify(unwrap(e.getCause()), timeoutMillis)));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                future.cancel(true);
                return settle(new Outcome<>(client, null, new ConnectorException(FailureKind.TIMED_OUT, "interrupted")));
            }
        }

        public void cancel() {
            future.cancel(true);
            if (settled.compareAndSet(false, true)) {
                owner.progress.settled(false);
            }
        }

        private Outcome<T> settle(Outcome<T> outcome) {
            if (settled.compareAndSet(false, true)) {
                owner.progress.settled(outcome.succeeded());
            }
            return outcome;
        }
    }

    /** Carries a checked failure through {@link CompletableFuture}. */
    private static final class CallFailed extends RuntimeException {
        private final transient ConnectorException failure;

        CallFailed(ConnectorException failure) {
            super(failure.getMessage(), failure, false, false);
            this.failure = failure;
        }
    }
}
