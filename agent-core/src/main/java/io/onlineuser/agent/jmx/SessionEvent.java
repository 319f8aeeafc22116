package io.onlineuser.agent.jmx;

/** One login or logout of the journal that {@code Session.changes} reads. */
public interface SessionEvent {
    /** Position in this agent run's journal; consecutive. */
    long getSeq();

    /** LOGIN or LOGOUT. */
    String getKind();

    long getSessionId();

    String getUid();

    /** Remote ip:port; null when unknown. */
    String getAddress();

    /** Epoch milliseconds of the login or logout. */
    long getTime();
}
