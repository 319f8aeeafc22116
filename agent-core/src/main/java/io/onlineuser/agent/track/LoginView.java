package io.onlineuser.agent.track;

/** One logged-in uid, as seen at the moment it was read. */
public final class LoginView {

    private final String uid;
    private final long loginTime;
    private final String address;
    private final int sessionCount;

    LoginView(String uid, long loginTime, String address, int sessionCount) {
        this.uid = uid;
        this.loginTime = loginTime;
        this.address = address;
        this.sessionCount = sessionCount;
    }

    public String uid() {
        return uid;
    }

    /** Epoch milliseconds when the uid came online (its first session since it was last offline). */
    public long loginTime() {
        return loginTime;
    }

    /** Remote {@code ip:port} of the uid's most recent session, or null when unknown. */
    public String address() {
        return address;
    }

    public int sessionCount() {
        return sessionCount;
    }

    @Override
    public String toString() {
        return "LoginView{" + uid + ", " + loginTime + ", " + address + ", " + sessionCount + "}";
    }
}
