package io.onlineuser.agent.jmx;

/** One session of a uid, as Pomelo's sessionService shows it. */
public interface SessionRow {
    long getSessionId();

    String getUid();

    /** The server the session is on (Pomelo's frontendId): this agent's serverId. */
    String getFrontendId();

    long getLoginTime();

    String getAddress();
}
