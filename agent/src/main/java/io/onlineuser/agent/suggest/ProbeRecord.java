package io.onlineuser.agent.suggest;

import io.onlineuser.agent.instrument.Connections;
import io.onlineuser.agent.instrument.hook.HookSpec;
import io.onlineuser.agent.instrument.hook.PathException;
import io.onlineuser.agent.instrument.hook.SessionChannels;
import io.onlineuser.agent.instrument.netty.RemoteAddresses;
import java.net.SocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What one probe saw during a watch: calls, sample uids, whether each call's session led to an
 * open connection, and the sessions it saw (by their connection, or the remote address's text),
 * each with the order of its first call, so that binds can be matched with later unbinds.
 * Bounded: a busy server's watch keeps at most {@link #MAX_SESSIONS} sessions per probe.
 */
final class ProbeRecord {

    static final int MAX_SESSIONS = 10_000;
    private static final int SAMPLE_UIDS = 5;

    private final HookSpec spec;
    private final AtomicLong calls = new AtomicLong();
    private final AtomicLong resolved = new AtomicLong();
    private final AtomicLong openConnections = new AtomicLong();
    private final AtomicLong addressesOnly = new AtomicLong();
    private final AtomicLong failures = new AtomicLong();
    private final Set<String> sampleUids = ConcurrentHashMap.newKeySet();
    private final Map<Object, Long> sessions = new ConcurrentHashMap<>();
    private final AtomicInteger sessionCount = new AtomicInteger();
    private volatile String firstFailure;

    ProbeRecord(HookSpec spec) {
        this.spec = spec;
    }

    HookSpec spec() {
        return spec;
    }

    /** One call, {@code order} counting the calls of every probe of the watch. */
    void called(long order, Object sessionSource, Object uidSource) {
        calls.incrementAndGet();
        try {
            Object value = spec.session().resolve(sessionSource);
            if (value == null) {
                throw new IllegalStateException("session=" + spec.session() + " gave null");
            }
            if (spec.uid() != null) {
                Object uid = spec.uid().resolve(uidSource);
                if (uid == null) {
                    throw new IllegalStateException("uid=" + spec.uid() + " gave null");
                }
                if (sampleUids.size() < SAMPLE_UIDS) {
                    sampleUids.add(uid.toString());
                }
            }
            Object key = sessionKey(value);
            if (key == null) {
                throw new IllegalStateException("session=" + spec.session() + " gave a " + value.getClass().getName()
                        + " that leads to no connection");
            }
            resolved.incrementAndGet();
            if (sessionCount.get() < MAX_SESSIONS && sessions.putIfAbsent(key, order) == null) {
                sessionCount.incrementAndGet();
            }
        } catch (PathException | RuntimeException e) {
            failures.incrementAndGet();
            if (firstFailure == null) {
                firstFailure = e.getMessage();
            }
        }
    }

    /** The connection the session value leads to, the address's text, or null when it leads to none. */
    private Object sessionKey(Object value) {
        if (value instanceof SocketAddress) {
            addressesOnly.incrementAndGet();
            return RemoteAddresses.format((SocketAddress) value);
        }
        Object connection = SessionChannels.channelOf(value);
        if (connection == null) {
            return null;
        }
        if (Connections.isOpen(connection)) {
            openConnections.incrementAndGet();
        }
        return connection;
    }

    long calls() {
        return calls.get();
    }

    /** Calls whose session led to a connection or named one by its remote address. */
    long resolved() {
        return resolved.get();
    }

    /** Calls whose session led to a connection that was open at the call. */
    long openConnections() {
        return openConnections.get();
    }

    /** Calls whose session was a remote address: it names a connection, not checked here. */
    long addressesOnly() {
        return addressesOnly.get();
    }

    long failures() {
        return failures.get();
    }

    String firstFailure() {
        return firstFailure;
    }

    List<String> sampleUids() {
        List<String> uids = new ArrayList<>(sampleUids);
        uids.sort(null);
        return uids;
    }

    Map<Object, Long> sessions() {
        return sessions;
    }

    /** How many of {@code bound}'s sessions this probe saw after their bind. */
    int endedAfter(ProbeRecord bound) {
        int ended = 0;
        for (Map.Entry<Object, Long> each : bound.sessions.entrySet()) {
            Long seen = sessions.get(each.getKey());
            if (seen != null && seen > each.getValue()) {
                ended++;
            }
        }
        return ended;
    }

    /** How many of this probe's sessions have a connection that is closed now. */
    int closedNow() {
        int closed = 0;
        for (Object key : sessions.keySet()) {
            if (!(key instanceof String) && !Connections.isOpen(key)) {
                closed++;
            }
        }
        return closed;
    }
}
