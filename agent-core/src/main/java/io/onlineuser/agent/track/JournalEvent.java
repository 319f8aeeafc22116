package io.onlineuser.agent.track;

/**
 * One login or logout in the {@link LoginJournal}. Immutable, so that a reader that got the
 * reference from a ring slot sees it whole. The address is kept packed (as the connection keeps
 * it) and turned into text only when read.
 */
public final class JournalEvent {

    public static final String LOGIN = "LOGIN";
    public static final String LOGOUT = "LOGOUT";

    final long seq;
    private final boolean login;
    private final long sessionId;
    private final String uid;
    private final long packedAddress;
    private final String addressText;
    private final long time;

    JournalEvent(long seq, boolean login, SessionRecord session, long time) {
        this.seq = seq;
        this.login = login;
        this.sessionId = session.sessionId;
        this.uid = session.owner.uid;
        ConnectionRecord connection = session.connection;
        this.packedAddress = connection == null ? 0 : connection.packedAddress();
        this.addressText = connection == null ? null : connection.addressText();
        this.time = time;
    }

    /** Position in this agent run's journal: 1, 2, 3, … without holes. */
    public long seq() {
        return seq;
    }

    /** {@link #LOGIN} or {@link #LOGOUT}. */
    public String kind() {
        return login ? LOGIN : LOGOUT;
    }

    public long sessionId() {
        return sessionId;
    }

    public String uid() {
        return uid;
    }

    /** Remote {@code ip:port} of the session's connection, or null when unknown. */
    public String address() {
        return packedAddress != 0 ? PackedAddress.unpack(packedAddress) : addressText;
    }

    /** Epoch milliseconds of the login (the session's loginTime) or of the logout. */
    public long time() {
        return time;
    }

    @Override
    public String toString() {
        return "JournalEvent{" + seq + ", " + kind() + ", " + sessionId + ", " + uid + ", " + address() + ", " + time + "}";
    }
}
