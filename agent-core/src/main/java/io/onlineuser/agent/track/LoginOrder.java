package io.onlineuser.agent.track;

import java.util.Comparator;
import java.util.Iterator;
import java.util.NavigableSet;
import java.util.concurrent.ConcurrentSkipListSet;

/**
 * Every bound session in (loginTime, sessionId) order: a JDK skip list, so that a page at any
 * depth starts with an O(log n) seek from the previous page's last key and walks only its rows.
 * A uid's row in the per-uid lists sits at its oldest session, so the same order serves both.
 * Writers add and remove under the uid's stripe lock; page walks read without it.
 *
 * <p>A page key is {@code <loginTime>-<sessionId>} of the last row; the seek takes the rows
 * after it, whether or not that session is still bound.
 */
final class LoginOrder {

    private static final Comparator<SessionRecord> ORDER = (a, b) -> {
        int byTime = Long.compare(a.loginTime, b.loginTime);
        return byTime != 0 ? byTime : Long.compare(a.sessionId, b.sessionId);
    };

    private final ConcurrentSkipListSet<SessionRecord> sessions = new ConcurrentSkipListSet<>(ORDER);

    void add(SessionRecord session) {
        sessions.add(session);
    }

    void remove(SessionRecord session) {
        sessions.remove(session);
    }

    /** Sessions after the page key {@code after} ("" = from the first), in order. */
    Iterator<SessionRecord> after(String after) {
        NavigableSet<SessionRecord> tail = after == null || after.isEmpty() ? sessions
                : sessions.tailSet(parse(after), false);
        return tail.iterator();
    }

    /** From the first session. */
    Iterator<SessionRecord> all() {
        return sessions.iterator();
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
}
