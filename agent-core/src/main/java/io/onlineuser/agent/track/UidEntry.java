package io.onlineuser.agent.track;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * A uid that is online, with its sessions. It is its own node in two structures of
 * {@link UidIndex}, the hash chain and its stripe's login order, so that it costs 40 bytes and nothing
 * beside it.
 */
final class UidEntry {

    /** Bits of {@link #order} below the login time: logins ordered within one millisecond. */
    static final int SEQUENCE_BITS = 21;
    private static final long SEQUENCE_MASK = (1L << SEQUENCE_BITS) - 1;
    private static final VarHandle NEXT_IN_ORDER = VarHandles.field(MethodHandles.lookup(), "nextInOrder", UidEntry.class);

    final String uid;
    /**
     * Place in the login order across the whole tracker: the login time in milliseconds shifted
     * left by {@link #SEQUENCE_BITS}, plus the low bits of the id of the session that brought the
     * uid online, which order the logins of one millisecond (see {@link #before}). The key by
     * which page walks merge the stripes' orders.
     */
    final long order;
    /** Newest first; guarded by the UidIndex stripe of this uid, like nextInBucket. */
    SessionRecord sessions;
    UidEntry nextInBucket;
    /**
     * Login order within the UidIndex stripe. Written under the stripe lock (release); read
     * without it by page walks (acquire), and left pointing onward when this entry is unlinked
     * so that a walk standing here can go on.
     */
    @SuppressWarnings("unused")
    private UidEntry nextInOrder;
    UidEntry previousInOrder;

    UidEntry(String uid, long order) {
        this.uid = uid;
        this.order = order;
    }

    /** The login-order key of a uid brought online at {@code time} by session {@code sessionId}. */
    static long order(long time, long sessionId) {
        return (time << SEQUENCE_BITS) | (sessionId & SEQUENCE_MASK);
    }

    /**
     * Whether order {@code a} comes before {@code b}: by time, then, within one millisecond, by
     * session id. The ids' low bits wrap every 2M logins, so they compare modulo 2^21: the
     * logins of one millisecond are ordered exactly as long as they are fewer than a million.
     */
    static boolean before(long a, long b) {
        long timeA = a >>> SEQUENCE_BITS;
        long timeB = b >>> SEQUENCE_BITS;
        if (timeA != timeB) {
            return timeA < timeB;
        }
        long ahead = (b - a) & SEQUENCE_MASK;
        return ahead != 0 && ahead < (1L << (SEQUENCE_BITS - 1));
    }

    long loginTime() {
        return order >>> SEQUENCE_BITS;
    }

    UidEntry nextInOrder() {
        return (UidEntry) NEXT_IN_ORDER.getAcquire(this);
    }

    /** Under the stripe lock; publishes {@code next} to page walks that read without it. */
    void linkNextInOrder(UidEntry next) {
        NEXT_IN_ORDER.setRelease(this, next);
    }

    void add(SessionRecord session) {
        session.nextOfUid = sessions;
        sessions = session;
    }

    /** @return true if the session was one of this uid's */
    boolean remove(SessionRecord session) {
        SessionRecord previous = null;
        for (SessionRecord current = sessions; current != null; current = current.nextOfUid) {
            if (current == session) {
                if (previous == null) {
                    sessions = current.nextOfUid;
                } else {
                    previous.nextOfUid = current.nextOfUid;
                }
                current.nextOfUid = null;
                return true;
            }
            previous = current;
        }
        return false;
    }

    boolean online() {
        return sessions != null;
    }

    int sessionCount() {
        int count = 0;
        for (SessionRecord s = sessions; s != null; s = s.nextOfUid) {
            count++;
        }
        return count;
    }
}
