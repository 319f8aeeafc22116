package io.onlineuser.collector.jolokia;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Asks every connector at once and waits at most until one deadline. The HTTP client's own
 * timeout normally ends a silent call first; the deadline here also covers a server that sends
 * headers and then stalls, so no caller ever waits past {@code timeout} plus scheduling slack.
 */
public final class FanOut implements AutoCloseable {

    private final ExecutorService executor = Executors.newCachedThreadPool(daemonThreads());

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

    /** Starts one call now and returns at once; its deadline runs from this moment. */
    public <T> Pending<T> start(ConnectorClient client, ConnectorCall<T> call, long timeoutMillis) {
        CompletableFuture<T> future = CompletableFuture.supplyAsync(() -> callUnchecked(client, call, timeoutMillis), executor);
        return new Pending<>(client, future, System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis), timeoutMillis);
    }

    @Override
    public void close() {
        executor.shutdownNow();
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
        private final ConnectorClient client;
        private final CompletableFuture<T> future;
        private final long deadlineNanos;
        private final long timeoutMillis;

        private Pending(ConnectorClient client, CompletableFuture<T> future, long deadlineNanos, long timeoutMillis) {
            this.client = client;
            this.future = future;
            this.deadlineNanos = deadlineNanos;
            this.timeoutMillis = timeoutMillis;
        }

        public Outcome<T> await() {
            try {
                long remaining = Math.max(0, deadlineNanos - System.nanoTime());
                return new Outcome<>(client, future.get(remaining, TimeUnit.NANOSECONDS), null);
            } catch (TimeoutException e) {
                future.cancel(true);
                return new Outcome<>(client, null,
                        new ConnectorException(FailureKind.TIMED_OUT, "no answer within " + timeoutMillis + " ms"));
            } catch (ExecutionException e) {
                return new Outcome<>(client, null, FailureClassifier.classify(unwrap(e.getCause()), timeoutMillis));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                future.cancel(true);
                return new Outcome<>(client, null, new ConnectorException(FailureKind.TIMED_OUT, "interrupted"));
            }
        }

        public void cancel() {
            future.cancel(true);
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
