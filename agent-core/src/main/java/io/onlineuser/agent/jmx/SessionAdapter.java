package io.onlineuser.agent.jmx;

import io.onlineuser.agent.track.OnlineTracker;

/** SessionMBean over the tracker; kick is refused unless the operator enabled it. */
final class SessionAdapter implements SessionMBean {

    static final String KICK_DISABLED = "kick is disabled; start the agent with kick.enabled=true";

    private final OnlineTracker tracker;
    private final String serverId;
    private final boolean kickEnabled;

    SessionAdapter(OnlineTracker tracker, String serverId, boolean kickEnabled) {
        this.tracker = tracker;
        this.serverId = serverId;
        this.kickEnabled = kickEnabled;
    }

    @Override
    public boolean isOnline(String uid) {
        return tracker.isOnline(Arguments.uid(uid));
    }

    @Override
    public SessionRow[] getByUid(String uid) {
        return RowValues.sessionRows(tracker.sessionsOf(Arguments.uid(uid)), serverId);
    }

    @Override
    public int kick(String uid, String reason) {
        requireKickEnabled();
        return tracker.kick(Arguments.uid(uid), Arguments.reason(reason));
    }

    @Override
    public boolean kickBySessionId(long sessionId, String reason) {
        requireKickEnabled();
        return tracker.kickBySessionId(Arguments.sessionId(sessionId), Arguments.reason(reason));
    }

    @Override
    public ChangesPage changes(String cursor, int limit) {
        return PageValues.changes(tracker.changes(Arguments.cursor(cursor), Arguments.limit(limit)));
    }

    @Override
    public SessionPage sessions(String after, int limit) {
        return PageValues.sessions(tracker.sessions(Arguments.pageKey(after), Arguments.limit(limit)));
    }

    private void requireKickEnabled() {
        if (!kickEnabled) {
            throw new SecurityException(KICK_DISABLED);
        }
    }
}
