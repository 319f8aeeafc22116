package io.onlineuser.agent.track;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One port the host listens on (or a WebSocket endpoint path on one), as the agent saw it; a row of
 * the Agent MBean's {@code Listeners}: where it listens, its transport and server class, whether its connections count
 * ({@code listen.ports}), and its own connection counts.
 * A listener that does not count still shows its connections, so the operator sees what was left out.
 */
public final class ListeningPort {

    private final String address;
    private final int port;
    private final String serverChannelClass;
    private final String transport;
    private final String path;
    private final boolean counted;
    private final AtomicInteger open = new AtomicInteger();
    /**
     * Beside {@link #open}, which every open and close writes anyway: one cache line per event. A
     * LongAdder here wrote a second line (its cell) per accept: 15 % of the agent's samples in one
     * profile of a churning MINA connector. A listener's accepts come from its few acceptor threads.
     */
    private final AtomicLong accepted = new AtomicLong();
    /**
     * Open connections of a listener that does not count, which the tracker does not hold: kept
     * here so that a close is matched to its open (never below zero after a late attach). Such
     * listeners are internal ones (brokers, RPC) with few connections.
     */
    private final Map<IdentityKey, Boolean> uncountedOpen;

    ListeningPort(String address, int port, String serverChannelClass, String transport, String path, boolean counted) {
        this.address = address;
        this.port = port;
        this.serverChannelClass = serverChannelClass;
        this.transport = transport;
        this.path = path;
        this.counted = counted;
        this.uncountedOpen = counted ? null : new ConcurrentHashMap<>();
    }

    /** {@code ip:port} (or the address's own text for a listener without a port). */
    public String address() {
        return address;
    }

    /** -1 for a listener without a port (a Netty local or domain-socket channel). */
    public int port() {
        return port;
    }

    public String serverChannelClass() {
        return serverChannelClass;
    }

    /** {@code netty}, {@code mina}, {@code java-websocket}, {@code jakarta-websocket} or {@code netty-relocated}. */
    public String transport() {
        return transport;
    }

    /** The WebSocket endpoint path for a Jakarta WebSocket endpoint, else the empty string. */
    public String path() {
        return path;
    }

    public boolean counted() {
        return counted;
    }

    public int openConnections() {
        return open.get();
    }

    public long acceptedTotal() {
        return accepted.get();
    }

    /** A connection it accepted became active and the tracker counted it (once per connection). */
    public void opened() {
        accepted.incrementAndGet();
        open.incrementAndGet();
    }

    /** A connection that {@link #opened()} counted closed. */
    public void closed() {
        open.decrementAndGet();
    }

    /** On a listener that does not count: {@code channel} became active; repeated calls count once. */
    public void openedUncounted(Object channel) {
        if (uncountedOpen != null && uncountedOpen.putIfAbsent(new IdentityKey(channel), Boolean.TRUE) == null) {
            opened();
        }
    }

    /** On a listener that does not count: {@code channel} closed; unknown channels are ignored. */
    public void closedUncounted(Object channel) {
        if (uncountedOpen != null && uncountedOpen.remove(new IdentityKey(channel)) != null) {
            closed();
        }
    }

    @Override
    public String toString() {
        return address + path + " (" + transport + ", " + serverChannelClass + "): " + (counted ? "counted" : "not counted");
    }

    /** The host's channel by identity: its own equals and hashCode are not the agent's business. */
    private static final class IdentityKey {
        private final Object target;

        IdentityKey(Object target) {
            this.target = target;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof IdentityKey && ((IdentityKey) other).target == target;
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(target);
        }
    }
}
