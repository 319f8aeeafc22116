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
        List<CompletableFuture<T>> futures = new ArrayList<>(clients.size());
        for (ConnectorClient client : clients) {
            futures.add(CompletableFuture.supplyAsync(() -> callUnchecked(client, call, timeoutMillis), executor));
        }
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        List<Outcome<T>> outcomes = new ArrayList<>(clients.size());
        for (int i = 0; i < clients.size(); i++) {
            outcomes.add(await(clients.get(i), futures.get(i), deadline, timeoutMillis));
        }
        return outcomes;
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }

    private static <T> Outcome<T> await(ConnectorClient client, CompletableFuture<T> future, long deadline, long timeoutMillis) {
        try {
            long remaining = Math.max(0, deadline - System.nanoTime());
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

    /** Carries a checked failure through {@link CompletableFuture}. */
    private static final class CallFailed extends RuntimeException {
        private final transient ConnectorException failure;

        CallFailed(ConnectorException failure) {
            super(failure.getMessage(), failure, false, false);
            this.failure = failure;
        }
    }
}
