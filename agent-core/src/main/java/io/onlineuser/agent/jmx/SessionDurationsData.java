package io.onlineuser.agent.jmx;

/**
 * {@code ConnectionStats.SessionDurations}: lengths of the sessions ended since tracking began, one
 * histogram per way they ended. An interface so that MXBean proxies can rebuild it from CompositeData.
 */
public interface SessionDurationsData {
    /** Sessions unbound by the application (logout). */
    SessionHistogram getLogout();

    /** Sessions whose connection closed first. */
    SessionHistogram getClosed();

    /** Sessions closed by a kick. */
    SessionHistogram getKick();
}
