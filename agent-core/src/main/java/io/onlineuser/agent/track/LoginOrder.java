package io.onlineuser.agent.track;

import java.lang.invoke.VarHandle;
import java.util.Comparator;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.function.LongSupplier;

/**
 * Every bound session in (loginTime, sessionId) order. A session gets its id and login time here,
 * both under one lock, so that the order of ids is the login order and a login is appended at
 * the tail: a chain through the records themselves ({@link SessionRecord#nextInOrder}), O(1) to
 * add and to remove. Page walks read the chain without the lock. A removed record links to
 * itself (so that a dead record promoted to the old generation keeps no younger ones alive); a
 * walk standing on it seeks again from its key, so it goes on to a later session, never an
 * earlier one.
 *
 * <p>A page seek starts from the last checkpoint (every {@value #CHECKPOINT_EVERY}th session, in
 * a JDK skip list) at or before its key and walks from there: O(log n) plus, on average,
 * {@value #CHECKPOINT_EVERY} steps. The skip list of every session this replaced cost ~20 % of the
 * agent's time on a churning MINA connector (BENCHMARKS.md, MINA overhead) and 32 bytes a session.
 *
 * <p>A page key is {@code <loginTime>-<sessionId>} of the last row; the seek takes the rows
 * after it, whether or not that session is still bound.
 */
final class LoginOrder extends StripeLock {

    static final int CHECKPOINT_EVERY = 64;

    private static final VarHandle NEXT = SessionRecord.NEXT_IN_ORDER;

    private static final Comparator<SessionRecord> ORDER = (a, b) -> {
        int byTime = Long.compare(a.loginTime, b.loginTime);
        return byTime != 0 ? byTime : Long.compare(a.sessionId, b.sessionId);
    };

    private final LongSupplier clockMillis;
    private final SessionGauge gauge;
    /** Before the first session; never removed. */
    private final SessionRecord head = new SessionRecord(null, null, null, 0, Long.MIN_VALUE);
    /** Guarded by this lock. */
    private SessionRecord tail = head;
    /** The latest login time given out; guarded by this lock. */
    private long lastLoginTime = Long.MIN_VALUE;
    private final ConcurrentSkipListSet<SessionRecord> checkpoints = new ConcurrentSkipListSet<>(ORDER);

    LoginOrder(LongSupplier clockMillis, SessionGauge gauge) {
        this.clockMillis = clockMillis;
        this.gauge = gauge;
    }

    /**
     * A new session, logged in now, numbered and appended. Its login time is now, but never before
     * the last one given out (a clock stepping back borrows the last time, so that new sessions
     * join the end of the order and a client paging through it does not miss them).
     */
    SessionRecord add(Object session, UidEntry owner, ConnectionRecord connection) {
        long now = clockMillis.getAsLong();
        SessionRecord record;
        lock();
        try {
            long time = Math.max(now, lastLoginTime);
            lastLoginTime = time;
            record = new SessionRecord(session, owner, connection, gauge.nextId(), time);
            record.previousInOrder = tail;
            // the record is whole before a walk can reach it
            NEXT.setRelease(tail, record);
            tail = record;
            if (record.sessionId % CHECKPOINT_EVERY == 0) {
                checkpoints.add(record);
            }
        } finally {
            unlock();
        }
        return record;
    }

    /** Unlinks a session added here; it then links to itself. */
    void remove(SessionRecord session) {
        lock();
        try {
            SessionRecord previous = session.previousInOrder;
            if (previous == null) {
                return;
            }
            SessionRecord next = (SessionRecord) NEXT.getAcquire(session);
            NEXT.setRelease(previous, next);
            if (next != null) {
                next.previousInOrder = previous;
            } else {
                tail = previous;
            }
            session.previousInOrder = null;
            NEXT.setRelease(session, session);
            if (session.sessionId % CHECKPOINT_EVERY == 0) {
                checkpoints.remove(session);
            }
        } finally {
            unlock();
        }
    }

    /** Sessions after the page key {@code after} ("" = from the first), in order. */
    Iterator<SessionRecord> after(String after) {
        if (after == null || after.isEmpty()) {
            return all();
        }
        return new Walk(firstAfter(parse(after)));
    }

    /** The first session after {@code key} in the order, or null. */
    private SessionRecord firstAfter(SessionRecord key) {
        SessionRecord checkpoint = checkpoints.floor(key);
        SessionRecord next = successor(checkpoint != null ? checkpoint : head);
        while (next != null && ORDER.compare(next, key) <= 0) {
            next = successor(next);
        }
        return next;
    }

    /** The session after {@code record}, removed or not; read without the lock. */
    private SessionRecord successor(SessionRecord record) {
        SessionRecord next = (SessionRecord) NEXT.getAcquire(record);
        return next != record ? next : firstAfter(record);
    }

    /** Checkpoints held; for tests that check none is left behind. */
    int checkpoints() {
        return checkpoints.size();
    }

    /** From the first session. */
    Iterator<SessionRecord> all() {
        return new Walk(successor(head));
    }

    static String key(SessionRecord session) {
        return session.loginTime + "-" + session.sessionId;
    }

    /** A probe record carrying only the key's two fields. */
    private static SessionRecord parse(String key) {
        int dash = key.indexOf('-');
        long time = dash > 0 ? digits(key, 0, dash) : -1;
        long id = dash > 0 ? digits(key, dash + 1, key.length()) : -1;
        if (time < 0 || id < 0) {
            throw new IllegalArgumentException("after '" + (key.length() <= 64 ? key : key.substring(0, 64) + "…")
                    + "' is not a page key; use \"\" for the first page or the 'next' of the previous page");
        }
        return new SessionRecord(null, null, null, id, time);
    }

    private static long digits(String text, int from, int to) {
        if (to <= from || to - from > 18) {
            return -1;
        }
        for (int i = from; i < to; i++) {
            if (text.charAt(i) < '0' || text.charAt(i) > '9') {
                return -1;
            }
        }
        return Long.parseLong(text, from, to, 10);
    }

    /** The chain from a record on, read without the lock. */
    private final class Walk implements Iterator<SessionRecord> {
        private SessionRecord next;

        Walk(SessionRecord first) {
            this.next = first;
        }

        @Override
        public boolean hasNext() {
            return next != null;
        }

        @Override
        public SessionRecord next() {
            SessionRecord current = next;
            if (current == null) {
                throw new NoSuchElementException();
            }
            next = successor(current);
            return current;
        }
    }
}
