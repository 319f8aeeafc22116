package io.onlineuser.agent.jolokia;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP server's executor: one thread per request being read or answered, up to
 * {@code maxConnections}, and a deadline for reading each request.
 *
 * <p>The JDK HTTP server reads a request's line and headers on the executor's thread, with a
 * blocking read and no time limit, so with Jolokia's single thread one client that sent half a
 * request held every other request back. Here each request has its own thread, and a request still
 * being read after {@code readTimeoutMillis} (TLS handshake, line, headers, body — the body is
 * read by {@link RequestReadFilter}) is dropped: its thread is interrupted, which closes the
 * socket channel it is blocked on, and the server then closes the connection. A request that
 * arrives while {@code maxConnections} are busy is refused: it runs on the server's own thread
 * already interrupted, so its first read closes the connection at once (throwing from
 * {@link #execute} would leak the connection on JDK 11, whose server does not close it then).
 * None of this uses the JDK server's {@code sun.net.httpserver.*} system properties, which are
 * JVM-wide and would change any HTTP server of the host.
 */
final class RequestGuard implements Executor {

    private static final Logger LOG = LoggerFactory.getLogger(RequestGuard.class);

    private final long readTimeoutNanos;
    private final ThreadPoolExecutor workers;
    private final ScheduledExecutorService watchdog;
    private final Map<Thread, ReadingRequest> reading = new ConcurrentHashMap<>();
    private final ThreadLocal<ReadingRequest> current = new ThreadLocal<>();
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicLong refused = new AtomicLong();

    RequestGuard(int maxConnections, long readTimeoutMillis, String threadNamePrefix) {
        this.readTimeoutNanos = TimeUnit.MILLISECONDS.toNanos(readTimeoutMillis);
        workers = new ThreadPoolExecutor(0, maxConnections, 60, TimeUnit.SECONDS, new SynchronousQueue<>(),
                daemonThreads(threadNamePrefix), (task, pool) -> refuse(task));
        ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1,
                daemonThreads(threadNamePrefix + "watchdog-"));
        timer.setRemoveOnCancelPolicy(true);
        watchdog = timer;
        long period = Math.max(20, Math.min(500, readTimeoutMillis / 4));
        watchdog.scheduleWithFixedDelay(this::dropOverdue, period, period, TimeUnit.MILLISECONDS);
    }

    @Override
    public void execute(Runnable exchange) {
        workers.execute(() -> guarded(exchange));
    }

    private void guarded(Runnable exchange) {
        ReadingRequest request = new ReadingRequest(Thread.currentThread(), System.nanoTime());
        current.set(request);
        reading.put(request.thread, request);
        try {
            exchange.run();
        } finally {
            reading.remove(request.thread);
            request.finish();
            current.remove();
            // an interrupt meant for this request must not reach the next one on this thread
            Thread.interrupted();
        }
    }

    /**
     * Called once the whole request is read: from here on the exchange is Jolokia's work and is
     * never interrupted. False when the deadline has passed already (the caller drops the request).
     */
    boolean requestRead() {
        ReadingRequest request = current.get();
        if (request == null) {
            return true;
        }
        reading.remove(request.thread);
        return request.markRead();
    }

    private void dropOverdue() {
        long now = System.nanoTime();
        for (ReadingRequest request : reading.values()) {
            if (now - request.startNanos > readTimeoutNanos && request.drop()) {
                reading.remove(request.thread);
                long total = dropped.incrementAndGet();
                if (total == 1) {
                    LOG.info("Jolokia dropped a connection whose request was not read within {} ms (said once; see "
                            + "jolokia.readTimeoutMillis)", TimeUnit.NANOSECONDS.toMillis(readTimeoutNanos));
                }
            }
        }
    }

    private void refuse(Runnable task) {
        long total = refused.incrementAndGet();
        if (total == 1) {
            LOG.warn("Jolokia refused a connection: {} requests are being read or answered already (said once; see "
                    + "jolokia.maxConnections)", workers.getMaximumPoolSize());
        }
        Thread.currentThread().interrupt();
        try {
            task.run();
        } catch (RuntimeException e) {
            throw new RejectedExecutionException("refused", e);
        } finally {
            Thread.interrupted();
        }
    }

    /** Requests dropped for being read too slowly, since start. */
    long droppedTotal() {
        return dropped.get();
    }

    /** Requests refused because {@code maxConnections} were busy, since start. */
    long refusedTotal() {
        return refused.get();
    }

    void shutdown() {
        watchdog.shutdownNow();
        workers.shutdownNow();
    }

    private static ThreadFactory daemonThreads(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return task -> {
            Thread thread = new Thread(task, prefix + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    /**
     * One request on one worker thread. The state changes under the object's lock so that an
     * interrupt is sent only while the request is still being read on that thread.
     */
    private static final class ReadingRequest {
        private static final int READING = 0;
        private static final int READ = 1;
        private static final int DROPPED = 2;
        private static final int FINISHED = 3;

        final Thread thread;
        final long startNanos;
        private int state = READING;

        ReadingRequest(Thread thread, long startNanos) {
            this.thread = thread;
            this.startNanos = startNanos;
        }

        synchronized boolean markRead() {
            if (state == READING) {
                state = READ;
            }
            return state == READ;
        }

        synchronized boolean drop() {
            if (state != READING) {
                return false;
            }
            state = DROPPED;
            thread.interrupt();
            return true;
        }

        synchronized void finish() {
            state = FINISHED;
        }
    }
}
