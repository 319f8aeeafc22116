package io.onlineuser.agent.track;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.BiConsumer;
import java.util.function.Function;
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
 *
 * <p>Locks ({@link StripeLock}, not reentrant) are always taken in this order, never the other
 * way round: a session's stripe of the session table, a channel's stripe of the connection table
 * (which also guards the channel's {@link ConnectionRecord}), a uid's stripe of the
 * {@link UidIndex}, the {@link LoginOrder}'s lock. Reads of counts take none.
 */
public final class OnlineTracker {

    /** Largest page or batch of changes one call returns, so that one call cannot copy a million rows. */
    public static final int MAX_PAGE = 10_000;
    /** Default length of the login journal (agent option journal.size). */
    public static final int DEFAULT_JOURNAL_SIZE = LoginJournal.DEFAULT_SIZE;

    private static final Logger LOG = LoggerFactory.getLogger(OnlineTracker.class);

    private final long startTime;
    private final IdentityTable<ConnectionRecord> connections = new IdentityTable<>(record -> record.channel);
    private final IdentityTable<SessionRecord> sessions = new IdentityTable<>(record -> record.session);
    private final SessionGauge sessionGauge = new SessionGauge();
    private final UidIndex uids;
    private final LoginOrder loginOrder;
    private final LoginJournal journal;
    private final PeakGauge connectionGauge = new PeakGauge();
    private final LongAdder acceptedTotal = new LongAdder();
    private final LongAdder closedTotal = new LongAdder();
    private final LongAdder logoutTotal = new LongAdder();
    private final LongAdder kickTotal = new LongAdder();
    private final SessionDurations durations = new SessionDurations();
    /** Sessions a kicker was asked to close and that have not ended yet: their end counts as a kick. */
    private final Set<SessionRecord> kicking = ConcurrentHashMap.newKeySet();
    private volatile SessionKicker kicker;

    public OnlineTracker(LongSupplier clockMillis) {
        this(clockMillis, DEFAULT_JOURNAL_SIZE);
    }

    /** @param journalSize logins and logouts the journal keeps for {@link #changes}, 1 or more */
    public OnlineTracker(LongSupplier clockMillis, int journalSize) {
        this.startTime = clockMillis.getAsLong();
        this.journal = new LoginJournal(journalSize);
        this.loginOrder = new LoginOrder(clockMillis, sessionGauge);
        this.uids = new UidIndex(clockMillis, sessionGauge, loginOrder, journal);
    }

    // --- connection events -------------------------------------------------------------

    /**
     * An accepted connection became active; repeated calls for one channel count once.
     *
     * @return true when this call counted it (so that its listener counts it too)
     */
    public boolean connectionActive(Object channel, String remoteAddress) {
        if (channel == null) {
            return false;
        }
        ConnectionRecord fresh = new ConnectionRecord(channel, remoteAddress, true);
        IdentityTable.Stripe stripe = connections.stripeOf(channel);
        stripe.lock();
        try {
            ConnectionRecord present = connections.get(stripe, channel);
            if (present == null) {
                connections.add(stripe, fresh);
            } else if (!present.markCounted()) {
                return false;
            }
            // counted before a bind on this channel can count a session on it
            connectionGauge.increment();
        } finally {
            stripe.unlock();
        }
        acceptedTotal.increment();
        return true;
    }

    /**
     * A connection closed: every session still bound to it ends. Unknown channels are ignored.
     *
     * @return true when a counted connection closed (so that its listener uncounts it too)
     */
    public boolean connectionInactive(Object channel) {
        if (channel == null) {
            return false;
        }
        ConnectionRecord record;
        SessionRecord session;
        IdentityTable.Stripe stripe = connections.stripeOf(channel);
        stripe.lock();
        try {
            record = connections.remove(stripe, channel);
            if (record == null) {
                return false;
            }
            session = record.takeSessions();
        } finally {
            stripe.unlock();
        }
        // sessions end before the connection is uncounted, so a reader never sees more
        // sessions than connections
        while (session != null) {
            SessionRecord next = session.nextOnConnection;
            end(session);
            session = next;
        }
        // out of the table, nothing changes the record any more
        if (record.counted()) {
            connectionGauge.decrement();
            closedTotal.increment();
            return true;
        }
        return false;
    }

    /**
     * Hands every counted (accepted, open) connection's channel and remote address to
     * {@code action}, stripe by stripe under that stripe's lock: {@code action} must be quick and
     * must not call the tracker. O(connections); for rare set-up work (filling an index once),
     * never per event.
     */
    public void forEachConnection(BiConsumer<Object, String> action) {
        connections.find(record -> {
            if (record.counted()) {
                action.accept(record.channel, record.address());
            }
            return false;
        });
    }

    // --- session events ------------------------------------------------------------------

    /**
     * A session logged in as {@code uid}. {@code channel} may be null (then the session ends only
     * on unbind). {@code address} ("ip:port", may be null) is used when the connection's own
     * address is unknown (no channel, or a connection opened before the agent attached).
     * Binding a bound session to another uid is an unbind then a bind; to the same uid, nothing.
     */
    public void sessionBound(Object session, String uid, Object channel, String address) {
        sessionBound(session, uid, channel, address, null);
    }

    /**
     * As {@link #sessionBound(Object, String, Object, String)}, the address asked of {@code addressOf}
     * only when the tracker does not know the channel's yet (a counted connection has it already:
     * a login then costs no address lookup and formatting).
     */
    public void sessionBoundOn(Object session, String uid, Object channel, Function<Object, String> addressOf) {
        sessionBound(session, uid, channel, null, addressOf);
    }

    private void sessionBound(Object session, String uid, Object channel, String address, Function<Object, String> addressOf) {
        if (session == null || uid == null) {
            return;
        }
        // the session's stripe is held throughout: a close of the channel that ends this session
        // waits until the session is in the table, so that it finds it there
        IdentityTable.Stripe stripe = sessions.stripeOf(session);
        stripe.lock();
        try {
            SessionRecord existing = sessions.get(stripe, session);
            if (existing != null) {
                if (existing.owner.uid.equals(uid)) {
                    return;
                }
                sessions.remove(stripe, session);
                ended(existing, SessionEnd.LOGOUT);
            }
            SessionRecord record = channel != null ? bindOnChannel(session, uid, channel, address, addressOf)
                    : uids.attach(session, uid, address != null ? ConnectionRecord.addressOnly(address) : null);
            sessions.add(stripe, record);
        } finally {
            stripe.unlock();
        }
    }

    /**
     * Binds on the channel's connection record, learned if the channel is unknown (opened before
     * the agent attached, or already closed); under the channel's lock, so that a close either
     * ends the session or comes before it.
     */
    private SessionRecord bindOnChannel(Object session, String uid, Object channel, String address,
                                        Function<Object, String> addressOf) {
        IdentityTable.Stripe stripe = connections.stripeOf(channel);
        stripe.lock();
        try {
            ConnectionRecord connection = connections.get(stripe, channel);
            if (connection == null) {
                connection = new ConnectionRecord(channel, address != null || addressOf == null ? address : addressOf.apply(channel), false);
                connections.add(stripe, connection);
            } else if (address != null) {
                connection.learnAddress(address);
            } else if (addressOf != null && !connection.hasAddress()) {
                String learnt = addressOf.apply(channel);
                if (learnt != null) {
                    connection.learnAddress(learnt);
                }
            }
            SessionRecord record = uids.attach(session, uid, connection);
            connection.attach(record);
            return record;
        } finally {
            stripe.unlock();
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
            ended(record, SessionEnd.LOGOUT);
        }
    }

    /** Ends a session exactly once, whoever (unbind, close) gets here first. */
    private void end(SessionRecord record) {
        if (sessions.remove(record.session, record)) {
            ended(record, SessionEnd.CLOSED);
        }
    }

    /**
     * The rest of ending a session, once its record is out of the session table; {@code how} is
     * what ended it unless a kick was asked for first.
     */
    private void ended(SessionRecord record, SessionEnd how) {
        long logoutTime = uids.detach(record);
        SessionEnd end = !kicking.isEmpty() && kicking.remove(record) ? SessionEnd.KICK : how;
        durations.record(end, logoutTime - record.loginTime);
        ConnectionRecord connection = record.connection;
        if (connection != null && connection.channel != null) {
            IdentityTable.Stripe stripe = connections.stripeOf(connection.channel);
            stripe.lock();
            try {
                if (connection.detach(record) && !connection.counted()) {
                    // learned from a bind only to carry its sessions: without them, and with its
                    // close perhaps never reported (netty.enabled=false), keeping it would leak
                    connections.remove(stripe, connection.channel, connection);
                }
            } finally {
                stripe.unlock();
            }
        }
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
        // marked before the kicker closes it, so that the end it causes (at once or later) counts as a kick
        kicking.add(target);
        boolean kicked = false;
        try {
            kicked = current.kick(target.session, channel, reason);
        } catch (RuntimeException | LinkageError e) {
            LOG.warn("kick of session {} (uid {}) failed: {}", target.sessionId, target.owner.uid, e.toString());
        } finally {
            // not closed, or ended before it was marked: nothing will take it out of the set
            if (!kicked || sessions.get(target.session) != target) {
                kicking.remove(target);
            }
        }
        if (kicked) {
            kickTotal.increment();
        }
        return kicked;
    }

    // --- reads -------------------------------------------------------------------------------

    public int totalConnCount() {
        return connectionGauge.current();
    }

    public int loginedCount() {
        return sessionGauge.uids();
    }

    public int sessionCount() {
        return sessionGauge.sessions();
    }

    public int peakConnCount() {
        return connectionGauge.peak();
    }

    public int peakLoginedCount() {
        return sessionGauge.peakUids();
    }

    public long acceptedConnTotal() {
        return acceptedTotal.sum();
    }

    public long closedConnTotal() {
        return closedTotal.sum();
    }

    public long loginTotal() {
        return sessionGauge.numbered();
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

    /** Lengths of ended sessions by how they ended; each read is a fixed number of counter reads. */
    public SessionDurations.Histogram sessionDurations(SessionEnd end) {
        return durations.of(end);
    }

    public void resetPeaks() {
        connectionGauge.resetPeak();
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
     * One row per logged-in uid, in the order of its oldest session (loginTime, sessionId); an
     * offset past the end gives an empty page. Walks {@code offset} rows to get there: for
     * compatibility; {@link #loginedPage} costs the same at any depth.
     *
     * @throws IllegalArgumentException for a negative offset or a limit outside 0..MAX_PAGE
     */
    public List<LoginView> loginedList(int offset, int limit) {
        if (offset < 0) {
            throw new IllegalArgumentException("offset must be 0 or more, was " + offset);
        }
        checkLimit(limit);
        List<LoginView> page = new ArrayList<>(Math.min(limit, Math.max(0, loginedCount() - offset)));
        if (limit == 0) {
            return page;
        }
        Iterator<SessionRecord> walk = loginOrder.all();
        int skipped = 0;
        while (skipped < offset && walk.hasNext()) {
            if (UidIndex.holdsRowHint(walk.next())) {
                skipped++;
            }
        }
        while (page.size() < limit && walk.hasNext()) {
            LoginView row = uids.rowAt(walk.next());
            if (row != null) {
                page.add(row);
            }
        }
        return page;
    }

    /**
     * One row per logged-in uid, as {@link #loginedList}, from the page key {@code after} ("" for
     * the first page, else a previous page's next). O(log n + rows walked) at any depth.
     *
     * @throws IllegalArgumentException for a key that is not a page key or a limit outside 0..MAX_PAGE
     */
    public Page<LoginView> loginedPage(String after, int limit) {
        checkLimit(limit);
        Iterator<SessionRecord> walk = loginOrder.after(after);
        List<LoginView> rows = new ArrayList<>(Math.min(limit, 64));
        SessionRecord last = null;
        while (rows.size() < limit && walk.hasNext()) {
            SessionRecord session = walk.next();
            LoginView row = uids.rowAt(session);
            if (row != null) {
                rows.add(row);
                last = session;
            }
        }
        return new Page<>(rows, next(walk, last, after));
    }

    /**
     * Every bound session in (loginTime, sessionId) order, from the page key {@code after} ("" for
     * the first page, else a previous page's next). O(log n + limit) at any depth.
     *
     * @throws IllegalArgumentException for a key that is not a page key or a limit outside 0..MAX_PAGE
     */
    public Page<SessionView> sessions(String after, int limit) {
        checkLimit(limit);
        Iterator<SessionRecord> walk = loginOrder.after(after);
        List<SessionView> rows = new ArrayList<>(Math.min(limit, 64));
        SessionRecord last = null;
        while (rows.size() < limit && walk.hasNext()) {
            last = walk.next();
            rows.add(last.view());
        }
        return new Page<>(rows, next(walk, last, after));
    }

    /** Null at the end; else the last row's key, or the same key again for an empty page. */
    private static String next(Iterator<SessionRecord> walk, SessionRecord last, String after) {
        if (!walk.hasNext()) {
            return null;
        }
        return last != null ? LoginOrder.key(last) : (after == null ? "" : after);
    }

    /**
     * Logins and logouts after {@code cursor}, at most {@code limit}, oldest first; {@code ""}
     * gives the current cursor and no events. {@code gap} is true when the journal no longer
     * holds what the cursor needs (overwritten, or a cursor of another agent run or server).
     * O(returned events).
     *
     * @throws IllegalArgumentException for a cursor this agent never gave out or a limit outside 0..MAX_PAGE
     */
    public Changes changes(String cursor, int limit) {
        checkLimit(limit);
        return journal.after(cursor, limit);
    }

    /** Events the login journal keeps. */
    public int journalSize() {
        return journal.size();
    }

    private static void checkLimit(int limit) {
        if (limit < 0 || limit > MAX_PAGE) {
            throw new IllegalArgumentException("limit must be between 0 and " + MAX_PAGE + ", was " + limit);
        }
    }
}
