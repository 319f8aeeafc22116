package io.onlineuser.agent.track;

/**
 * A uid that is online, with its sessions; its own node in the hash chain of {@link UidIndex},
 * so that it costs 24 bytes and nothing beside it. Guarded by the uid's UidIndex stripe.
 */
final class UidEntry {

    final String uid;
    /** Newest first. */
    SessionRecord sessions;
    UidEntry nextInBucket;

    UidEntry(String uid) {
        this.uid = uid;
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

    /** The session that has been bound longest; its login time is the uid's. Null when offline. */
    SessionRecord oldest() {
        SessionRecord oldest = sessions;
        while (oldest != null && oldest.nextOfUid != null) {
            oldest = oldest.nextOfUid;
        }
        return oldest;
    }

    int sessionCount() {
        int count = 0;
        for (SessionRecord s = sessions; s != null; s = s.nextOfUid) {
            count++;
        }
        return count;
    }
}
