package io.onlineuser.agent.track;

/**
 * How a session ended, as the {@code ended} label of the session-length histogram names it: by
 * which event the tracker saw end it. An application that unbinds its sessions in its own close
 * handling (the sample-server does) ends them before the agent sees the close: those count as
 * {@code logout}.
 */
public enum SessionEnd {
    /** Unbound by the application (its logout, its own clean-up of a closed connection, or a bind of the session to another uid). */
    LOGOUT("logout"),
    /** Its connection closed while it was still bound. */
    CLOSED("closed"),
    /** Closed by a kick ({@link OnlineTracker#kick}, {@link OnlineTracker#kickBySessionId}). */
    KICK("kick");

    private final String label;

    SessionEnd(String label) {
        this.label = label;
    }

    /** The name in the MXBean and in Prometheus: {@code logout}, {@code closed} or {@code kick}. */
    public String label() {
        return label;
    }
}
