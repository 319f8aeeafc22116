package io.onlineuser.agent.track;

/**
 * A uid that is online, with its sessions. It is its own node in two structures of
 * {@link UidIndex}, the hash chain and the login order, so that it costs 40 bytes and nothing
 * beside it.
 */
final class UidEntry {

    final String uid;
    final long loginTime;
    /** Newest first; guarded by the UidIndex stripe of this uid, like nextInBucket. */
    SessionRecord sessions;
    UidEntry nextInBucket;
    /**
     * Login order. Written under the order lock; read without it by page walks, and left
     * pointing onward when this entry is unlinked so that a walk standing here can go on.
     */
    volatile UidEntry nextInOrder;
    UidEntry previousInOrder;

    UidEntry(String uid, long loginTime) {
        this.uid = uid;
        this.loginTime = loginTime;
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
