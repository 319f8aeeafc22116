package io.onlineuser.agent.track;

/** One bound session. Kept small (48 bytes): the tracker holds one per logged-in session. */
final class SessionRecord {

    final Object session;
    final UidEntry owner;
    final ConnectionRecord connection;
    final long sessionId;
    final long loginTime;
    /** Chain of the owner's sessions; guarded by the owner's UidIndex stripe. */
    SessionRecord nextOfUid;
    /** Chain of the connection's sessions; guarded by the channel's stripe of the connection table. */
    SessionRecord nextOnConnection;

    SessionRecord(Object session, UidEntry owner, ConnectionRecord connection, long sessionId, long loginTime) {
        this.session = session;
        this.owner = owner;
        this.connection = connection;
        this.sessionId = sessionId;
        this.loginTime = loginTime;
    }

    /** The remote address lives in the connection record, shared by the sessions on it. */
    String address() {
        return connection == null ? null : connection.address();
    }

    SessionView view() {
        return new SessionView(sessionId, owner.uid, loginTime, address());
    }
}
