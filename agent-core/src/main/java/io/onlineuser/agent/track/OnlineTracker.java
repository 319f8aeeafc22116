package io.onlineuser.agent.track;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListSet;
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
    private static final int UID_LOCKS = 256;

    private final LongSupplier clockMillis;
    private final long startTime;
    private final IdentityTable<ConnectionRecord> connections = new IdentityTable<>();
    private final IdentityTable<SessionRecord> sessions = new IdentityTable<>();
    private final ConcurrentHashMap<String, UidEntry> uids = new ConcurrentHashMap<>();
    private final ConcurrentSkipListSet<UidEntry> loginOrder = new ConcurrentSkipListSet<>();
    /** A uid's entry, its session chain and its place in loginOrder change under one lock. */
    private final Object[] uidLocks = new Object[UID_LOCKS];
    private final AtomicLong sessionIds = new AtomicLong();
    private final PeakGauge connectionGauge = new PeakGauge();
    private final PeakGauge loginedGauge = new PeakGauge();
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
        for (int i = 0; i < UID_LOCKS; i++) {
            uidLocks[i] = new Object();
        }
    }

    private Object lockFor(String uid) {
        int hash = uid.hashCode();
        return uidLocks[(hash ^ (hash >>> 16)) & (UID_LOCKS - 1)];
    }

    // --- connection events -------------------------------------------------------------

    /** An accepted connection became active; repeated calls for one channel count once. */
    public void connectionActive(Object channel, String remoteAddress) {
        if (channel == null) {
            return;
        }
        ConnectionRecord present = connections.putIfAbsent(channel,
                new ConnectionRecord(channel, remoteAddress, true));
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
        if (record.counted()) {
            connectionGauge.decrement();
            closedTotal.increment();
        }
        SessionRecord session = record.close();
        while (session != null) {
            SessionRecord next = session.nextOnConnection;
            end(session);
            session = next;
        }
    }

    // --- session events ------------------------------------------------------------------

    /**
     * A session logged in as {@code uid}. {@code channel} may be null (then the session ends only
     * on unbind); {@code address} ("ip:port") may be null (then the connection's is used).
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
        ConnectionRecord connection = channel == null ? null : connectionOf(channel);
        long sessionId = sessionIds.incrementAndGet();
        long now = clockMillis.getAsLong();
        SessionRecord record;
        synchronized (lockFor(uid)) {
            UidEntry entry = uids.get(uid);
            if (entry == null) {
                entry = new UidEntry(uid, now, sessionId);
                uids.put(uid, entry);
                loginOrder.add(entry);
                loginedGauge.increment();
            }
            record = new SessionRecord(session, entry, connection, sessionId, now, address);
            entry.add(record);
        }
        sessionGauge.increment();
        if (sessions.putIfAbsent(session, record) != null) {
            // the same session object was bound at the same moment on another thread: it wins
            sessionGauge.decrement();
            detachFromUid(record);
            return;
        }
        loginTotal.increment();
        if (connection != null && !connection.attach(record)) {
            end(record);
        }
    }

    /** A session logged out. Unknown sessions are ignored. */
    public void sessionUnbound(Object session) {
        if (session == null) {
            return;
        }
        SessionRecord record = sessions.get(session);
        if (record != null) {
            end(record);
        }
    }

    /** The connection's record, or a new uncounted one for a connection opened before attach. */
    private ConnectionRecord connectionOf(Object channel) {
        ConnectionRecord known = connections.get(channel);
        if (known != null) {
            return known;
        }
        ConnectionRecord learned = new ConnectionRecord(channel, null, false);
        ConnectionRecord raced = connections.putIfAbsent(channel, learned);
        return raced != null ? raced : learned;
    }

    /** Ends a session exactly once, whoever (unbind, close) gets here first. */
    private void end(SessionRecord record) {
        if (!sessions.remove(record.session, record)) {
            return;
        }
        detachFromUid(record);
        if (record.connection != null) {
            record.connection.detach(record);
        }
        sessionGauge.decrement();
        logoutTotal.increment();
    }

    private void detachFromUid(SessionRecord record) {
        UidEntry entry = record.owner;
        synchronized (lockFor(entry.uid)) {
            if (entry.remove(record) && entry.sessionCount == 0) {
                uids.remove(entry.uid, entry);
                loginOrder.remove(entry);
                loginedGauge.decrement();
            }
        }
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
        List<SessionRecord> targets = new ArrayList<>();
        UidEntry entry = uids.get(uid);
        if (entry != null) {
            synchronized (lockFor(uid)) {
                for (SessionRecord s = entry.sessions; s != null; s = s.nextOfUid) {
                    targets.add(s);
                }
            }
        }
        int closed = 0;
        for (SessionRecord target : targets) {
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
        return loginedGauge.current();
    }

    public int sessionCount() {
        return sessionGauge.current();
    }

    public int peakConnCount() {
        return connectionGauge.peak();
    }

    public int peakLoginedCount() {
        return loginedGauge.peak();
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
        loginedGauge.resetPeak();
        sessionGauge.resetPeak();
    }

    // --- lists -------------------------------------------------------------------------------

    public boolean isOnline(String uid) {
        return uid != null && uids.containsKey(uid);
    }

    /** The uid's sessions, oldest first; empty when offline. */
    public List<SessionView> sessionsOf(String uid) {
        UidEntry entry = uid == null ? null : uids.get(uid);
        if (entry == null) {
            return Collections.emptyList();
        }
        List<SessionView> views = new ArrayList<>(2);
        synchronized (lockFor(uid)) {
            for (SessionRecord s = entry.sessions; s != null; s = s.nextOfUid) {
                views.add(s.view());
            }
        }
        Collections.reverse(views);
        return views;
    }

    /**
     * One row per logged-in uid, ordered by the time it came online. Walks the ordered set
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
        List<LoginView> page = new ArrayList<>(Math.min(limit, Math.max(0, loginedCount() - offset)));
        int skipped = 0;
        Iterator<UidEntry> entries = loginOrder.iterator();
        while (page.size() < limit && entries.hasNext()) {
            UidEntry entry = entries.next();
            if (skipped < offset) {
                if (isLive(entry)) {
                    skipped++;
                }
                continue;
            }
            LoginView view = viewOf(entry);
            if (view != null) {
                page.add(view);
            }
        }
        return page;
    }

    private boolean isLive(UidEntry entry) {
        synchronized (lockFor(entry.uid)) {
            return entry.sessionCount > 0;
        }
    }

    /** The row for a uid, or null when its last session ended while the list was walked. */
    private LoginView viewOf(UidEntry entry) {
        synchronized (lockFor(entry.uid)) {
            if (entry.sessionCount == 0) {
                return null;
            }
            return new LoginView(entry.uid, entry.loginTime, entry.sessions.address(), entry.sessionCount);
        }
    }
}
