package io.onlineuser.agent.jmx;

/** One bound session in a {@code Session.sessions} page. */
public interface ListedSession {
    long getSessionId();

    String getUid();

    /** Epoch milliseconds of the bind. */
    long getLoginTime();

    /** Remote ip:port; null when unknown. */
    String getAddress();
}
