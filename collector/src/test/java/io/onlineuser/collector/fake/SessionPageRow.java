package io.onlineuser.collector.fake;

/** Maps to CompositeData {sessionId, uid, loginTime, address}. */
public final class SessionPageRow {
    private final long sessionId;
    private final LoginRow login;

    public SessionPageRow(long sessionId, LoginRow login) {
        this.sessionId = sessionId;
        this.login = login;
    }

    public long getSessionId() {
        return sessionId;
    }

    public String getUid() {
        return login.getUid();
    }

    public long getLoginTime() {
        return login.getLoginTime();
    }

    public String getAddress() {
        return login.getAddress();
    }
}
