package io.onlineuser.agent.jmx;

import io.onlineuser.agent.track.OnlineTracker;

/** ConnectionStatsMBean over the tracker; every getter is one counter read (SessionDurations: a fixed 36). */
final class ConnectionStatsAdapter implements ConnectionStatsMBean {

    private final OnlineTracker tracker;
    private final String serverId;
    private final String serverType;

    ConnectionStatsAdapter(OnlineTracker tracker, String serverId, String serverType) {
        this.tracker = tracker;
        this.serverId = serverId;
        this.serverType = serverType;
    }

    @Override
    public String getServerId() {
        return serverId;
    }

    @Override
    public String getServerType() {
        return serverType;
    }

    @Override
    public int getTotalConnCount() {
        return tracker.totalConnCount();
    }

    @Override
    public int getLoginedCount() {
        return tracker.loginedCount();
    }

    @Override
    public int getSessionCount() {
        return tracker.sessionCount();
    }

    @Override
    public int getPeakConnCount() {
        return tracker.peakConnCount();
    }

    @Override
    public int getPeakLoginedCount() {
        return tracker.peakLoginedCount();
    }

    @Override
    public long getAcceptedConnTotal() {
        return tracker.acceptedConnTotal();
    }

    @Override
    public long getClosedConnTotal() {
        return tracker.closedConnTotal();
    }

    @Override
    public long getLoginTotal() {
        return tracker.loginTotal();
    }

    @Override
    public long getLogoutTotal() {
        return tracker.logoutTotal();
    }

    @Override
    public long getKickTotal() {
        return tracker.kickTotal();
    }

    @Override
    public long getStartTime() {
        return tracker.startTime();
    }

    @Override
    public SessionDurationsData getSessionDurations() {
        return new SessionDurationValues(tracker);
    }

    @Override
    public StatisticsInfo statisticsInfo(int limit) {
        LoginRow[] rows = RowValues.loginRows(tracker.loginedList(0, Arguments.limit(limit)));
        return new RowValues.Statistics(serverId, tracker.totalConnCount(), tracker.loginedCount(), rows);
    }

    @Override
    public LoginRow[] loginedList(int offset, int limit) {
        return RowValues.loginRows(tracker.loginedList(Arguments.offset(offset), Arguments.limit(limit)));
    }

    @Override
    public LoginPage loginedPage(String after, int limit) {
        return PageValues.logins(tracker.loginedPage(Arguments.pageKey(after), Arguments.limit(limit)));
    }

    @Override
    public void resetPeaks() {
        tracker.resetPeaks();
    }
}
