package io.onlineuser.agent.track;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.function.LongSupplier;

/**
 * Who is logged in: uid → its sessions, and the uids in the order they came online.
 *
 * <p>Structures of our own, because at a million users every node counts: a hash table striped
 * by uid (each stripe is the lock for its uids and their session chains) and, per stripe, a
 * doubly linked login order, both threaded through {@link UidEntry} itself. A
 * {@code ConcurrentHashMap} plus a {@code ConcurrentSkipListSet} would add about 64 bytes per uid.
 * Logins and logouts of different stripes share no lock; the only shared writes are the counts
 * and session ids ({@link SessionGauge}). A new uid's place in the login order is its login time
 * and its session's id ({@link UidEntry#order}), so that the stripes' orders merge into one.
 *
 * <p>A page walk merges the 256 stripe orders ({@link LoginOrderMerge}), following each
 * order without its lock; an entry unlinked during a walk keeps its forward link, so the walk
 * goes on. It never copies the whole order: a page at offset {@code o} visits {@code o + limit}
 * entries at O(log 256) each: a first page costs ~256 heap inserts (0.1 ms at a million uids),
 * a page at offset 990,000 about 0.2 s, ~8 times one global list, since consecutive entries of
 * the merged order lie in different lists and so in different cache lines. Deep offsets are an
 * operator paging through everything, rare and already linear; every login and logout is not.
 */
final class UidIndex {

    private static final int STRIPES = 256;
    private static final int INITIAL_BUCKETS = 8;

    private abstract static class StripeFields extends StripeLock {
        UidEntry[] buckets = new UidEntry[INITIAL_BUCKETS];
        int size;
        /** Login order of this stripe's uids; links are written under the stripe lock. */
        volatile UidEntry oldest;
        UidEntry newest;
    }

    /**
     * A stripe and its lock, padded to a cache line pair of its own: similar uids ("player-1",
     * "player-2") fall in neighbouring stripes, allocated side by side.
     */
    private static final class Stripe extends StripeFields {
        @SuppressWarnings("unused")
        private long pad0, pad1, pad2, pad3, pad4, pad5, pad6, pad7, pad8, pad9, pad10, pad11, pad12;
    }

    /** Cell of {@link #timeFloor}: the latest login time given to a uid. */
    private static final int FLOOR = Padding.CELL;

    private final LongSupplier clockMillis;
    private final SessionGauge gauge;
    private final Stripe[] stripes = new Stripe[STRIPES];
    private final AtomicLongArray timeFloor = new AtomicLongArray(2 * Padding.CELL);

    UidIndex(LongSupplier clockMillis, SessionGauge gauge) {
        this.clockMillis = clockMillis;
        this.gauge = gauge;
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
     * not. The session gets its id here.
     */
    SessionRecord attach(Object session, String uid, ConnectionRecord connection) {
        Stripe stripe = stripe(uid);
        stripe.lock();
        try {
            // numbered under the stripe lock, so that the stripe's order grows with the ids
            long sessionId = gauge.nextId();
            UidEntry entry = find(stripe, uid);
            boolean first = entry == null;
            if (first) {
                entry = new UidEntry(uid, UidEntry.order(loginTime(), sessionId));
                append(stripe, entry);
                insert(stripe, entry);
            }
            long loginTime = first ? entry.loginTime() : clockMillis.getAsLong();
            SessionRecord record = new SessionRecord(session, entry, connection, sessionId, loginTime);
            entry.add(record);
            gauge.added(first);
            return record;
        } finally {
            stripe.unlock();
        }
    }

    /** Removes a session and uncounts it; the uid goes offline with its last one. */
    void detach(SessionRecord record) {
        UidEntry entry = record.owner;
        Stripe stripe = stripe(entry.uid);
        stripe.lock();
        try {
            boolean last = entry.remove(record) && !entry.online();
            if (last) {
                delete(stripe, entry);
                unlink(stripe, entry);
            }
            gauge.removed(last);
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

    /** Merges the stripes' login orders without copying them; uids that left meanwhile are skipped. */
    List<LoginView> page(int offset, int limit) {
        List<LoginView> page = new ArrayList<>(Math.min(limit, Math.max(0, gauge.uids() - offset)));
        if (limit == 0) {
            return page;
        }
        LoginOrderMerge merge = new LoginOrderMerge(STRIPES);
        for (Stripe stripe : stripes) {
            UidEntry first = stripe.oldest;
            if (first != null) {
                merge.add(first);
            }
        }
        int skipped = 0;
        while (page.size() < limit && !merge.isEmpty()) {
            UidEntry entry = merge.next();
            Stripe entryStripe = stripe(entry.uid);
            entryStripe.lock();
            try {
                if (entry.online()) {
                    if (skipped < offset) {
                        skipped++;
                    } else {
                        page.add(new LoginView(entry.uid, entry.loginTime(), entry.sessions.address(),
                                entry.sessionCount()));
                    }
                }
            } finally {
                entryStripe.unlock();
            }
        }
        return page;
    }

    /**
     * A new uid's login time: now, but never before the last one given out (a clock stepping
     * back borrows the last time rather than break the order). The floor is written once per
     * millisecond, not once per login.
     */
    private long loginTime() {
        long now = clockMillis.getAsLong();
        long floor = timeFloor.get(FLOOR);
        if (now <= floor) {
            return floor;
        }
        timeFloor.accumulateAndGet(FLOOR, now, Math::max);
        return now;
    }

    /** Adds a new entry at the end of its stripe's order; the caller holds the stripe lock. */
    private static void append(Stripe stripe, UidEntry entry) {
        entry.previousInOrder = stripe.newest;
        if (stripe.newest == null) {
            stripe.oldest = entry;
        } else {
            stripe.newest.linkNextInOrder(entry);
        }
        stripe.newest = entry;
    }

    /** Takes an entry out of its stripe's order; the caller holds the stripe lock. */
    private static void unlink(Stripe stripe, UidEntry entry) {
        UidEntry previous = entry.previousInOrder;
        UidEntry next = entry.nextInOrder();
        if (previous == null) {
            stripe.oldest = next;
        } else {
            previous.linkNextInOrder(next);
        }
        if (next == null) {
            stripe.newest = previous;
        } else {
            next.previousInOrder = previous;
        }
        entry.previousInOrder = null;
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
