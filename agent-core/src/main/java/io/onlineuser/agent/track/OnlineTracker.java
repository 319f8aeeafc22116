package io.onlineuser.agent.track;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Everything the agent counts: connections and sessions. Plain Java, thread-safe, no Byte Buddy
 * or JMX imports. Every getter is O(1): counters are maintained on the event path.
 *
 * <p>Unlike Pomelo: connections are always counted; a uid stays online until its last session
 * ends (LoginedCount counts uids, SessionCount sessions); a close without a matching open, or of
 * a connection opened before the agent attached, never makes a count negative. Event methods
 * never throw: they run inside the host's threads.
 */
public final class OnlineTracker {

    /** Largest page {@link #loginedList} returns, so that one call cannot copy a million rows. */
    public static final int MAX_PAGE = 10_000;

    private static final Logger LOG = LoggerFactory.getLogger(OnlineTracker.class);

    private final LongSupplier clockMillis;
    private final long startTime;
    private final IdentityTable<ConnectionRecord> connections = new IdentityTable<>(record -> record.channel);
    private final IdentityTable<SessionRecord> sessions = new IdentityTable<>(record -> record.session);
    private final UidIndex uids;
    private final AtomicLong sessionIds = new AtomicLong();
    private final PeakGauge connectionGauge = new PeakGauge();
    private final PeakGauge sessionGauge = new PeakGauge();
    private final LongAdder acceptedTotal = new LongAdder();
    private final LongAdder closedTotal = new LongAdder();
    private final LongAdder loginTotal = new LongAdder();
    private final LongAdder logoutTotal = new LongAdder();
    private final LongAdder kickTotal = new LongAdder();
    private volatile SessionKicker kicker;

    public OnlineTracker(LongSupplier clockMillis) {
        this.clockMillis = clockMillis;
        this.startTime = clockMillis.getAsLong();
        this.uids = new UidIndex(clockMillis);
    }

    // --- connection events -------------------------------------------------------------

    /** An accepted connection became active; repeated calls for one channel count once. */
    public void connectionActive(Object channel, String remoteAddress) {
        if (channel == null) {
            return;
        }
        ConnectionRecord present = connections.putIfAbsent(new ConnectionRecord(channel, remoteAddress, true));
        if (present == null || present.markCounted()) {
            connectionGauge.increment();
            acceptedTotal.increment();
        }
    }

    /** A connection closed: every session still bound to it ends. Unknown channels are ignored. */
    public void connectionInactive(Object channel) {
        if (channel == null) {
            return;
        }
        ConnectionRecord record = connections.remove(channel);
        if (record == null) {
            return;
        }
        // sessions end before the connection is uncounted, so a reader never sees more
        // sessions than connections
        SessionRecord session = record.close();
        while (session != null) {
            SessionRecord next = session.nextOnConnection;
            end(session);
            session = next;
        }
        if (record.counted()) {
            connectionGauge.decrement();
            closedTotal.increment();
        }
    }

    // --- session events ------------------------------------------------------------------

    /**
     * A session logged in as {@code uid}. {@code channel} may be null (then the session ends only
     * on unbind). {@code address} ("ip:port", may be null) is used when the connection's own
     * address is unknown (no channel, or a connection opened before the agent attached).
     * Binding a bound session to another uid is an unbind then a bind; to the same uid, nothing.
     */
    public void sessionBound(Object session, String uid, Object channel, String address) {
        if (session == null || uid == null) {
            return;
        }
        SessionRecord existing = sessions.get(session);
        if (existing != null) {
            if (existing.owner.uid.equals(uid)) {
                return;
            }
            end(existing);
        }
        ConnectionRecord connection = channel != null ? connectionOf(channel, address)
                : address != null ? ConnectionRecord.addressOnly(address) : null;
        long sessionId = sessionIds.incrementAndGet();
        // the session is counted before its uid, so a reader never sees more uids than sessions
        sessionGauge.increment();
        SessionRecord record = uids.attach(session, uid, connection, sessionId);
        if (sessions.putIfAbsent(record) != null) {
            // the same session object was bound at the same moment on another thread: it wins
            sessionGauge.decrement();
            uids.detach(record);
            return;
        }
        loginTotal.increment();
        if (channel != null && !connection.attach(record)) {
            end(record);
        }
    }

    /** A session logged out. Unknown sessions are ignored. */
    public void sessionUnbound(Object session) {
        if (session == null) {
            return;
        }
        // whoever takes the record out of the table ends it: one lookup instead of get + end
        SessionRecord record = sessions.remove(session);
        if (record != null) {
            ended(record);
        }
    }

    /** The connection's record, or a new uncounted one for a connection opened before attach. */
    private ConnectionRecord connectionOf(Object channel, String address) {
        ConnectionRecord known = connections.get(channel);
        if (known != null) {
            if (address != null) {
                known.learnAddress(address);
            }
            return known;
        }
        ConnectionRecord learned = new ConnectionRecord(channel, address, false);
        ConnectionRecord raced = connections.putIfAbsent(learned);
        return raced != null ? raced : learned;
    }

    /** Ends a session exactly once, whoever (unbind, close) gets here first. */
    private void end(SessionRecord record) {
        if (sessions.remove(record.session, record)) {
            ended(record);
        }
    }

    /** The rest of ending a session, once its record is out of the session table. */
    private void ended(SessionRecord record) {
        uids.detach(record);
        ConnectionRecord connection = record.connection;
        if (connection != null && connection.detach(record) && connection.channel != null
                && !connection.counted()) {
            // learned from a bind only to carry its sessions: without them, and with its close
            // perhaps never reported (netty.enabled=false), keeping it would leak
            connections.remove(connection.channel, connection);
        }
        sessionGauge.decrement();
        logoutTotal.increment();
    }

    // --- kick ------------------------------------------------------------------------------

    public void setKicker(SessionKicker kicker) {
        this.kicker = kicker;
    }

    /** Kicks every session of {@code uid}; returns how many were closed (0 without a kicker). */
    public int kick(String uid, String reason) {
        SessionKicker current = kicker;
        if (current == null || uid == null) {
            return 0;
        }
        int closed = 0;
        for (SessionRecord target : uids.sessionsOf(uid)) {
            if (kickOne(current, target, reason)) {
                closed++;
            }
        }
        return closed;
    }

    /** Kicks one session by the id the agent gave it; false when unknown or not closed. */
    public boolean kickBySessionId(long sessionId, String reason) {
        SessionKicker current = kicker;
        if (current == null || sessionId <= 0) {
            return false;
        }
        SessionRecord target = sessions.find(record -> record.sessionId == sessionId);
        return target != null && kickOne(current, target, reason);
    }

    private boolean kickOne(SessionKicker current, SessionRecord target, String reason) {
        Object channel = target.connection == null ? null : target.connection.channel;
        try {
            if (current.kick(target.session, channel, reason)) {
                kickTotal.increment();
                return true;
            }
        } catch (RuntimeException | LinkageError e) {
            LOG.warn("kick of session {} (uid {}) failed: {}", target.sessionId, target.owner.uid, e.toString());
        }
        return false;
    }

    // --- reads -------------------------------------------------------------------------------

    public int totalConnCount() {
        return connectionGauge.current();
    }

    public int loginedCount() {
        return uids.logined().current();
    }

    public int sessionCount() {
        return sessionGauge.current();
    }

    public int peakConnCount() {
        return connectionGauge.peak();
    }

    public int peakLoginedCount() {
        return uids.logined().peak();
    }

    public long acceptedConnTotal() {
        return acceptedTotal.sum();
    }

    public long closedConnTotal() {
        return closedTotal.sum();
    }

    public long loginTotal() {
        return loginTotal.sum();
    }

    public long logoutTotal() {
        return logoutTotal.sum();
    }

    public long kickTotal() {
        return kickTotal.sum();
    }

    public long startTime() {
        return startTime;
    }

    public void resetPeaks() {
        connectionGauge.resetPeak();
        uids.logined().resetPeak();
        sessionGauge.resetPeak();
    }

    /** Connection records held, counted or not; for tests that check nothing is left behind. */
    int connectionRecords() {
        return connections.size();
    }

    // --- lists -------------------------------------------------------------------------------

    public boolean isOnline(String uid) {
        return uid != null && uids.isOnline(uid);
    }

    /** The uid's sessions, oldest first; empty when offline. */
    public List<SessionView> sessionsOf(String uid) {
        if (uid == null) {
            return Collections.emptyList();
        }
        List<SessionRecord> records = uids.sessionsOf(uid);
        List<SessionView> views = new ArrayList<>(records.size());
        for (SessionRecord record : records) {
            views.add(record.view());
        }
        return views;
    }

    /**
     * One row per logged-in uid, ordered by the time it came online. Walks the login order
     * without copying it; an offset past the end gives an empty page.
     *
     * @throws IllegalArgumentException for a negative offset or a limit outside 0..MAX_PAGE
     */
    public List<LoginView> loginedList(int offset, int limit) {
        if (offset < 0) {
            throw new IllegalArgumentException("offset must be 0 or more, was " + offset);
        }
        if (limit < 0 || limit > MAX_PAGE) {
            throw new IllegalArgumentException("limit must be between 0 and " + MAX_PAGE + ", was " + limit);
        }
        return uids.page(offset, limit);
    }
}
