package io.onlineuser.collector.fake;

/** Maps to CompositeData {uid, loginTime, address, sessionCount} through its getters. */
public final class LoginRow {
    private final String uid;
    private final long loginTime;
    private final String address;

    public LoginRow(String uid, long loginTime, String address) {
        this.uid = uid;
        this.loginTime = loginTime;
        this.address = address;
    }

    public String getUid() {
        return uid;
    }

    public long getLoginTime() {
        return loginTime;
    }

    public String getAddress() {
        return address;
    }

    public int getSessionCount() {
        return 1;
    }
}
