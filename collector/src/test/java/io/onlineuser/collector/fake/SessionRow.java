package io.onlineuser.collector.fake;

/** Maps to CompositeData {sessionId, uid, frontendId, loginTime, address} through its getters. */
public final class SessionRow {
    private final long sessionId;
    private final LoginRow login;
    private final String frontendId;

    public SessionRow(long sessionId, LoginRow login, String frontendId) {
        this.sessionId = sessionId;
        this.login = login;
        this.frontendId = frontendId;
    }

    public long getSessionId() {
        return sessionId;
    }

    public String getUid() {
        return login.getUid();
    }

    public String getFrontendId() {
        return frontendId;
    }

    public long getLoginTime() {
        return login.getLoginTime();
    }

    public String getAddress() {
        return login.getAddress();
    }
}
