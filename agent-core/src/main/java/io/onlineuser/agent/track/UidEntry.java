package io.onlineuser.agent.track;

/**
 * A uid that is online, with its sessions. It is its own node in two structures of
 * {@link UidIndex}, the hash chain and its stripe's login order, so that it costs 40 bytes and nothing
 * beside it.
 */
final class UidEntry {

    /** Bits of {@link #order} below the login time: logins numbered within one millisecond. */
    static final int SEQUENCE_BITS = 21;

    final String uid;
    /**
     * Place in the login order across the whole tracker: the login time in milliseconds shifted
     * left by {@link #SEQUENCE_BITS}, plus a sequence for logins within the same millisecond.
     * Unique, and the key by which page walks merge the stripes' orders.
     */
    final long order;
    /** Newest first; guarded by the UidIndex stripe of this uid, like nextInBucket. */
    SessionRecord sessions;
    UidEntry nextInBucket;
    /**
     * Login order within the UidIndex stripe. Written under the stripe lock; read without it by
     * page walks, and left pointing onward when this entry is unlinked so that a walk standing
     * here can go on.
     */
    volatile UidEntry nextInOrder;
    UidEntry previousInOrder;

    UidEntry(String uid, long order) {
        this.uid = uid;
        this.order = order;
    }

    long loginTime() {
        return order >>> SEQUENCE_BITS;
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
