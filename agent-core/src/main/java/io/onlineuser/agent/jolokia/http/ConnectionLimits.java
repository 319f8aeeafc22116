package io.onlineuser.agent.jolokia.http;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What every connection of one server shares: how many may be open, how long a request may take to
 * arrive (TLS handshake, line, headers and body), how long a kept-alive connection may sit idle, and
 * the counts of connections refused and dropped, each said once in the log.
 */
public final class ConnectionLimits {

    private static final Logger LOG = LoggerFactory.getLogger(ConnectionLimits.class);
    /** As the JDK HTTP server's default idle interval. */
    private static final long IDLE_MILLIS = 30_000;

    private final int maxConnections;
    private final long readTimeoutNanos;
    private final long idleNanos;
    private final AtomicInteger open = new AtomicInteger();
    private final AtomicLong refused = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();

    public ConnectionLimits(int maxConnections, long readTimeoutMillis) {
        if (maxConnections < 1 || readTimeoutMillis < 1) {
            throw new IllegalArgumentException("maxConnections and readTimeoutMillis must be positive");
        }
        this.maxConnections = maxConnections;
        this.readTimeoutNanos = TimeUnit.MILLISECONDS.toNanos(readTimeoutMillis);
        this.idleNanos = TimeUnit.MILLISECONDS.toNanos(Math.max(IDLE_MILLIS, readTimeoutMillis));
    }

    long readTimeoutNanos() {
        return readTimeoutNanos;
    }

    long idleNanos() {
        return idleNanos;
    }

    /** True when a new connection may stay open; false (and said once) when too many are. */
    boolean admit() {
        if (open.incrementAndGet() <= maxConnections) {
            return true;
        }
        open.decrementAndGet();
        if (refused.incrementAndGet() == 1) {
            LOG.warn("Jolokia refused a connection: {} are open already (said once; see jolokia.maxConnections)",
                    maxConnections);
        }
        return false;
    }

    void closed() {
        open.decrementAndGet();
    }

    void dropped() {
        if (dropped.incrementAndGet() == 1) {
            LOG.info("Jolokia dropped a connection whose request was not read within {} ms (said once; see "
                    + "jolokia.readTimeoutMillis)", TimeUnit.NANOSECONDS.toMillis(readTimeoutNanos));
        }
    }

    /** Connections refused because {@code maxConnections} were open, since start. */
    public long refusedTotal() {
        return refused.get();
    }

    /** Connections dropped because a request was not read in time, since start. */
    public long droppedTotal() {
        return dropped.get();
    }
}
