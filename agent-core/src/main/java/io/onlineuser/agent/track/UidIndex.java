package io.onlineuser.agent.track;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.LongSupplier;

/**
 * Who is logged in: uid → its sessions, and every session in login order ({@link LoginOrder});
 * each login and logout also goes into the {@link LoginJournal}.
 *
 * <p>A hash table of our own, striped by uid (each stripe is the lock for its uids and their
 * session chains), threaded through {@link UidEntry} itself, because at a million users every
 * node counts: with a {@code ConcurrentHashMap} here the tracker held 206 bytes per logged-in
 * user at 1,000,000 (169 with this table; the limit is 200: BENCHMARKS.md, "The tracker's own hash
 * tables"). Logins and logouts of different stripes share no lock; the shared writes are the
 * counts and session ids ({@link SessionGauge}), the login order and the journal's number.
 * A change is in the table and the login order before its journal event is numbered, so that
 * a client's cursor covers every change it has seen in a page.
 */
final class UidIndex {

    private static final int STRIPES = 256;
    private static final int INITIAL_BUCKETS = 8;

    private abstract static class StripeFields extends StripeLock {
        UidEntry[] buckets = new UidEntry[INITIAL_BUCKETS];
        int size;
    }

    /**
     * A stripe and its lock, padded to a cache line pair of its own: similar uids ("player-1",
     * "player-2") fall in neighbouring stripes, allocated side by side.
     */
    private static final class Stripe extends StripeFields {
        @SuppressWarnings("unused")
        private long pad0, pad1, pad2, pad3, pad4, pad5, pad6, pad7, pad8, pad9, pad10, pad11, pad12;
    }

    private final LongSupplier clockMillis;
    private final SessionGauge gauge;
    private final LoginOrder order;
    private final LoginJournal journal;
    private final Stripe[] stripes = new Stripe[STRIPES];

    UidIndex(LongSupplier clockMillis, SessionGauge gauge, LoginOrder order, LoginJournal journal) {
        this.clockMillis = clockMillis;
        this.gauge = gauge;
        this.order = order;
        this.journal = journal;
        for (int i = 0; i < STRIPES; i++) {
            stripes[i] = new Stripe();
        }
    }

    private static int spread(String uid) {
        int hash = uid.hashCode();
        return hash ^ (hash >>> 16);
    }

    private Stripe stripe(String uid) {
        return stripes[spread(uid) & (STRIPES - 1)];
    }

    /** Bucket index from the hash bits the stripe index did not use. */
    private static int bucket(String uid, int length) {
        return (spread(uid) >>> 8) & (length - 1);
    }

    /**
     * Adds a session of {@code uid}, logged in now, and counts it; the uid comes online if it was
     * not. The session gets its id and login time from the login order.
     */
    SessionRecord attach(Object session, String uid, ConnectionRecord connection) {
        Stripe stripe = stripe(uid);
        stripe.lock();
        try {
            UidEntry entry = find(stripe, uid);
            boolean first = entry == null;
            if (first) {
                entry = new UidEntry(uid);
                insert(stripe, entry);
            }
            SessionRecord record = order.add(session, entry, connection);
            entry.add(record);
            gauge.added(first);
            journal.login(record);
            return record;
        } finally {
            stripe.unlock();
        }
    }

    /** Removes a session and uncounts it; the uid goes offline with its last one. Returns the logout time. */
    long detach(SessionRecord record) {
        UidEntry entry = record.owner;
        Stripe stripe = stripe(entry.uid);
        stripe.lock();
        try {
            boolean last = entry.remove(record) && !entry.online();
            if (last) {
                delete(stripe, entry);
            }
            order.remove(record);
            gauge.removed(last);
            long time = clockMillis.getAsLong();
            journal.logout(record, time);
            return time;
        } finally {
            stripe.unlock();
        }
    }

    boolean isOnline(String uid) {
        Stripe stripe = stripe(uid);
        stripe.lock();
        try {
            return find(stripe, uid) != null;
        } finally {
            stripe.unlock();
        }
    }

    /** The uid's sessions, oldest first. */
    List<SessionRecord> sessionsOf(String uid) {
        Stripe stripe = stripe(uid);
        stripe.lock();
        try {
            UidEntry entry = find(stripe, uid);
            if (entry == null) {
                return Collections.emptyList();
            }
            List<SessionRecord> sessions = new ArrayList<>(2);
            for (SessionRecord s = entry.sessions; s != null; s = s.nextOfUid) {
                sessions.add(s);
            }
            Collections.reverse(sessions);
            return sessions;
        } finally {
            stripe.unlock();
        }
    }

    /**
     * The uid's row if {@code session} is its oldest (the uid's place in the login order), else
     * null: the session ended, or the uid has an older one.
     */
    LoginView rowAt(SessionRecord session) {
        UidEntry entry = session.owner;
        Stripe stripe = stripe(entry.uid);
        stripe.lock();
        try {
            if (entry.oldest() != session) {
                return null;
            }
            return new LoginView(entry.uid, session.loginTime, entry.sessions.address(), entry.sessionCount());
        } finally {
            stripe.unlock();
        }
    }

    /**
     * Whether {@code session} is its uid's oldest (the last of the uid's chain), read without the
     * stripe lock: for the offset walk of loginedList, which only counts rows to skip, and whose
     * offsets drift under churn anyway. One record read per row instead of a lock and the chain.
     */
    static boolean holdsRowHint(SessionRecord session) {
        return session.nextOfUid == null;
    }

    private static UidEntry find(Stripe stripe, String uid) {
        int hash = uid.hashCode();
        for (UidEntry e = stripe.buckets[bucket(uid, stripe.buckets.length)]; e != null; e = e.nextInBucket) {
            // the cached hash first: an other uid's text is one more cache miss away
            if (e.uid == uid || (e.uid.hashCode() == hash && e.uid.equals(uid))) {
                return e;
            }
        }
        return null;
    }

    /**
     * Chains average at most one entry (load factor 1, not 3/4): a chain step is one entry and
     * its cached hash, and at a million uids the larger table would cost 4 more bytes per uid.
     */
    private static void insert(Stripe stripe, UidEntry entry) {
        if (stripe.size >= stripe.buckets.length) {
            resize(stripe, stripe.buckets.length * 2);
        }
        int index = bucket(entry.uid, stripe.buckets.length);
        entry.nextInBucket = stripe.buckets[index];
        stripe.buckets[index] = entry;
        stripe.size++;
    }

    private static void delete(Stripe stripe, UidEntry entry) {
        int index = bucket(entry.uid, stripe.buckets.length);
        UidEntry previous = null;
        for (UidEntry e = stripe.buckets[index]; e != null; e = e.nextInBucket) {
            if (e == entry) {
                if (previous == null) {
                    stripe.buckets[index] = e.nextInBucket;
                } else {
                    previous.nextInBucket = e.nextInBucket;
                }
                e.nextInBucket = null;
                stripe.size--;
                break;
            }
            previous = e;
        }
        // give memory back after a peak, with a wide gap so that a size near the limit cannot flap
        if (stripe.buckets.length > INITIAL_BUCKETS && stripe.size < stripe.buckets.length >>> 3) {
            resize(stripe, stripe.buckets.length / 2);
        }
    }

    private static void resize(Stripe stripe, int length) {
        UidEntry[] old = stripe.buckets;
        UidEntry[] buckets = new UidEntry[length];
        for (UidEntry head : old) {
            UidEntry e = head;
            while (e != null) {
                UidEntry next = e.nextInBucket;
                int index = bucket(e.uid, length);
                e.nextInBucket = buckets[index];
                buckets[index] = e;
                e = next;
            }
        }
        stripe.buckets = buckets;
    }
}
