package io.onlineuser.agent.track;

/** One bound session, as seen at the moment it was read. */
public final class SessionView {

    private final long sessionId;
    private final String uid;
    private final long loginTime;
    private final String address;

    SessionView(long sessionId, String uid, long loginTime, String address) {
        this.sessionId = sessionId;
        this.uid = uid;
        this.loginTime = loginTime;
        this.address = address;
    }

    /** Assigned by the agent: unique within this JVM, greater than zero. */
    public long sessionId() {
        return sessionId;
    }

    public String uid() {
        return uid;
    }

    /** Epoch milliseconds of the bind. */
    public long loginTime() {
        return loginTime;
    }

    /** Remote {@code ip:port}, or null when unknown. */
    public String address() {
        return address;
    }

    @Override
    public String toString() {
        return "SessionView{" + sessionId + ", " + uid + ", " + loginTime + ", " + address + "}";
    }
}
