package io.onlineuser.collector.fanout;

import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
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
import java.util.function.Function;

import io.onlineuser.collector.failure.ConnectorException;
import io.onlineuser.collector.failure.FailureClassifier;
import io.onlineuser.collector.failure.FailureKind;
import io.onlineuser.collector.jolokia.ConnectorClient;

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
    /** Asynchronous calls not yet started, and those under way (at most {@code maxInFlight}). */
    private final Queue<Runnable> asyncWaiting = new ConcurrentLinkedQueue<>();
    private final AtomicInteger asyncRunning = new AtomicInteger();
    /** Requests to start waiting asynchronous calls; the thread that raised it from 0 serves them all. */
    private final AtomicInteger asyncStarters = new AtomicInteger();
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

    /**
     * As {@link #callAll}, for calls that need no thread while they wait (their future completes on
     * the HTTP client's event loop): at most {@code maxInFlight} under way, the caller woken once
     * when all have ended or the deadline passed. At 1,000 connectors this halved the collector's
     * CPU per question against a thread per call (BENCHMARKS.md, "fleet").
     */
    public <T> List<Outcome<T>> callAllAsync(List<ConnectorClient> clients, Function<ConnectorClient, CompletableFuture<T>> call,
                                             long timeoutMillis) {
        List<Pending<T>> pending = new ArrayList<>(clients.size());
        CompletableFuture<?>[] futures = new CompletableFuture<?>[clients.size()];
        for (ConnectorClient client : clients) {
            Pending<T> one = startAsync(client, call, timeoutMillis);
            futures[pending.size()] = one.future;
            pending.add(one);
        }
        if (!pending.isEmpty()) {
            try {
                CompletableFuture.allOf(futures).get(Math.max(0, pending.get(0).deadlineNanos - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (TimeoutException | ExecutionException e) {
                // each outcome below says what happened to its call
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        List<Outcome<T>> outcomes = new ArrayList<>(pending.size());
        for (Pending<T> one : pending) {
            outcomes.add(one.await());
        }
        return outcomes;
    }

    private <T> Pending<T> startAsync(ConnectorClient client, Function<ConnectorClient, CompletableFuture<T>> call, long timeoutMillis) {
        AtomicBoolean started = new AtomicBoolean();
        CompletableFuture<T> result = new CompletableFuture<>();
        progress.queued();
        Runnable begin = () -> {
            started.set(true);
            progress.started();
            CompletableFuture<T> answer;
            try {
                answer = call.apply(client);
            } catch (RuntimeException e) {
                answer = CompletableFuture.failedFuture(e);
            }
            answer.whenComplete((value, failure) -> {
                progress.finished();
                asyncRunning.decrementAndGet();
                startWaitingAsync();
                if (failure == null) {
                    result.complete(value);
                } else {
                    result.completeExceptionally(failure instanceof CompletionException ? failure.getCause() : failure);
                }
            });
        };
        asyncWaiting.add(begin);
        startWaitingAsync();
        return new Pending<>(this, client, result, started, System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis),
                timeoutMillis);
    }

    /**
     * Starts waiting asynchronous calls while fewer than {@code maxInFlight} are under way. One
     * thread at a time does it; a call that ends meanwhile (even at once, inside {@code run}) only
     * asks that thread to look again, so failing calls never nest.
     */
    private void startWaitingAsync() {
        if (asyncStarters.getAndIncrement() != 0) {
            return;
        }
        int asked = 1;
        do {
            while (!asyncWaiting.isEmpty() && claim(asyncRunning)) {
                Runnable next = asyncWaiting.poll();
                if (next == null) {
                    asyncRunning.decrementAndGet();
                } else {
                    next.run();
                }
            }
            asked = asyncStarters.addAndGet(-asked);
        } while (asked != 0);
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
        asyncWaiting.clear();
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
        return claim(workers);
    }

    /** One more of {@code running}, unless {@code maxInFlight} are already. */
    private boolean claim(AtomicInteger running) {
        for (int now = running.get(); now < maxInFlight; now = running.get()) {
            if (running.compareAndSet(now, now + 1)) {
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
