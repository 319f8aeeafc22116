package io.onlineuser.agent.track;

/**
 * Ends a session the way the application would: its own kick method when one is configured,
 * else by closing the connection. Supplied by the instrumentation module.
 */
public interface SessionKicker {

    /**
     * @param session the application's session object, as passed to {@code sessionBound}
     * @param channel its connection, or null when unknown
     * @return true if something was closed
     */
    boolean kick(Object session, Object channel, String reason);
}
