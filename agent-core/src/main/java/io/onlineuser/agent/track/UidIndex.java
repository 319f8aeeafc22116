package io.onlineuser.agent.track;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.ConcurrentSkipListSet;

/**
 * Who is logged in: uid → its sessions, and the uids in the order they came online.
 *
 * <p>A hash table of our own, striped by uid: each stripe is the lock for its uids, their
 * session chains and their place in the login order, and {@link UidEntry} is its own chain
 * node. A {@code ConcurrentHashMap} would add a 32-byte node per logged-in uid, a fifth of the
 * tracker's whole budget at a million users.
 */
final class UidIndex {

    private static final int STRIPES = 256;
    private static final int INITIAL_BUCKETS = 8;

    private static final class Stripe {
        UidEntry[] buckets = new UidEntry[INITIAL_BUCKETS];
        int size;
    }

    private final Stripe[] stripes = new Stripe[STRIPES];
    private final ConcurrentSkipListSet<UidEntry> loginOrder = new ConcurrentSkipListSet<>();
    private final PeakGauge logined = new PeakGauge();

    UidIndex() {
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

    /** Adds a session of {@code uid}; the uid comes online if it was not. */
    SessionRecord attach(Object session, String uid, ConnectionRecord connection, long sessionId, long now) {
        Stripe stripe = stripe(uid);
        synchronized (stripe) {
            UidEntry entry = find(stripe, uid);
            if (entry == null) {
                entry = new UidEntry(uid, now, sessionId);
                insert(stripe, entry);
                loginOrder.add(entry);
                logined.increment();
            }
            SessionRecord record = new SessionRecord(session, entry, connection, sessionId, now);
            entry.add(record);
            return record;
        }
    }

    /** Removes a session; the uid goes offline with its last one. */
    void detach(SessionRecord record) {
        UidEntry entry = record.owner;
        Stripe stripe = stripe(entry.uid);
        synchronized (stripe) {
            if (entry.remove(record) && entry.sessionCount == 0) {
                delete(stripe, entry);
                loginOrder.remove(entry);
                logined.decrement();
            }
        }
    }

    boolean isOnline(String uid) {
        Stripe stripe = stripe(uid);
        synchronized (stripe) {
            return find(stripe, uid) != null;
        }
    }

    /** The uid's sessions, oldest first. */
    List<SessionRecord> sessionsOf(String uid) {
        Stripe stripe = stripe(uid);
        synchronized (stripe) {
            UidEntry entry = find(stripe, uid);
            if (entry == null) {
                return Collections.emptyList();
            }
            List<SessionRecord> sessions = new ArrayList<>(entry.sessionCount);
            for (SessionRecord s = entry.sessions; s != null; s = s.nextOfUid) {
                sessions.add(s);
            }
            Collections.reverse(sessions);
            return sessions;
        }
    }

    /** Walks the login order without copying it; uids that left meanwhile are skipped. */
    List<LoginView> page(int offset, int limit) {
        List<LoginView> page = new ArrayList<>(Math.min(limit, Math.max(0, logined.current() - offset)));
        int skipped = 0;
        Iterator<UidEntry> entries = loginOrder.iterator();
        while (page.size() < limit && entries.hasNext()) {
            UidEntry entry = entries.next();
            synchronized (stripe(entry.uid)) {
                if (entry.sessionCount == 0) {
                    continue;
                }
                if (skipped < offset) {
                    skipped++;
                } else {
                    page.add(new LoginView(entry.uid, entry.loginTime, entry.sessions.address(), entry.sessionCount));
                }
            }
        }
        return page;
    }

    PeakGauge logined() {
        return logined;
    }

    private static UidEntry find(Stripe stripe, String uid) {
        for (UidEntry e = stripe.buckets[bucket(uid, stripe.buckets.length)]; e != null; e = e.nextInBucket) {
            if (e.uid.equals(uid)) {
                return e;
            }
        }
        return null;
    }

    private static void insert(Stripe stripe, UidEntry entry) {
        if (stripe.size >= stripe.buckets.length - (stripe.buckets.length >>> 2)) {
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
