package io.onlineuser.agent.track;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * One bound session. Kept small (56 bytes, its place in the login order included): the tracker
 * holds one per logged-in session.
 */
final class SessionRecord {

    /** Release/acquire access to {@link #nextInOrder}, which page walks read without a lock. */
    static final VarHandle NEXT_IN_ORDER = VarHandles.field(MethodHandles.lookup(), "nextInOrder", SessionRecord.class);

    final Object session;
    final UidEntry owner;
    final ConnectionRecord connection;
    final long sessionId;
    final long loginTime;
    /** Chain of the owner's sessions; guarded by the owner's UidIndex stripe. */
    SessionRecord nextOfUid;
    /** Chain of the connection's sessions; guarded by the channel's stripe of the connection table. */
    SessionRecord nextOnConnection;
    /** The next session in the {@link LoginOrder}; this record itself once removed from it. */
    @SuppressWarnings("unused")
    private SessionRecord nextInOrder;
    /** The previous session in the {@link LoginOrder}, null once removed; guarded by its lock. */
    SessionRecord previousInOrder;

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
