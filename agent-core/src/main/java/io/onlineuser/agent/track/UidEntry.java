package io.onlineuser.agent.track;

/**
 * A uid that is online, with its sessions. Ordered by the time it came online (ties by the
 * sequence of its first session), which is the order of {@code loginedList}.
 */
final class UidEntry implements Comparable<UidEntry> {

    final String uid;
    final long loginTime;
    final long sequence;
    /** Newest first; guarded by the UidIndex stripe of this uid, like the fields below. */
    SessionRecord sessions;
    int sessionCount;
    UidEntry nextInBucket;

    UidEntry(String uid, long loginTime, long sequence) {
        this.uid = uid;
        this.loginTime = loginTime;
        this.sequence = sequence;
    }

    void add(SessionRecord session) {
        session.nextOfUid = sessions;
        sessions = session;
        sessionCount++;
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
                sessionCount--;
                return true;
            }
            previous = current;
        }
        return false;
    }

    @Override
    public int compareTo(UidEntry other) {
        int byTime = Long.compare(loginTime, other.loginTime);
        return byTime != 0 ? byTime : Long.compare(sequence, other.sequence);
    }

}
