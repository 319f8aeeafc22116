package io.onlineuser.agent.jmx;

import javax.management.MXBean;

/** {@code onlineuser:type=ConnectionStats,serverId=…}: counts of one connector (DESIGN.md). */
@MXBean
public interface ConnectionStatsMBean {

    @Description("Server id of this connector (agent option serverId)")
    String getServerId();

    @Description("Server type of this connector (agent option serverType)")
    String getServerType();

    @Description("Accepted client connections open now (outbound connections excluded)")
    int getTotalConnCount();

    @Description("Distinct uids logged in now")
    int getLoginedCount();

    @Description("Bound sessions now; more than LoginedCount when a uid has several sessions")
    int getSessionCount();

    @Description("Highest TotalConnCount since start or the last resetPeaks()")
    int getPeakConnCount();

    @Description("Highest LoginedCount since start or the last resetPeaks()")
    int getPeakLoginedCount();

    @Description("Client connections accepted since tracking began")
    long getAcceptedConnTotal();

    @Description("Client connections closed since tracking began")
    long getClosedConnTotal();

    @Description("Session logins since tracking began")
    long getLoginTotal();

    @Description("Session logouts (unbind or connection closed) since tracking began")
    long getLogoutTotal();

    @Description("Sessions closed by kick since tracking began")
    long getKickTotal();

    @Description("Epoch milliseconds when tracking began")
    long getStartTime();

    @Description("Lengths of the sessions ended since tracking began, per way they ended (logout, closed, kick):"
            + " cumulative counts per upper bound in seconds (10, 30, 60, 300, 900, 1800, 3600, 7200, 14400,"
            + " 28800, +Inf), sum in seconds, count")
    SessionDurationsData getSessionDurations();

    @Description("Pomelo's statistics object: serverId, totalConnCount, loginedCount and the first"
            + " 'limit' logged-in uids by login time")
    StatisticsInfo statisticsInfo(
            @Param(name = "limit", value = "Most rows in loginedList, 0 to 10000") int limit);

    @Description("A page of logged-in uids ordered by login time: uid, loginTime, address, sessionCount")
    LoginRow[] loginedList(
            @Param(name = "offset", value = "Rows to skip, 0 or more") int offset,
            @Param(name = "limit", value = "Most rows to return, 0 to 10000") int limit);

    @Description("A page of logged-in uids in login order from a key, at the same cost at any depth:"
            + " {rows:[{uid, loginTime, address, sessionCount}], next}; next is null at the end")
    LoginPage loginedPage(
            @Param(name = "after", value = "\"\" for the first page, else the previous page's next") String after,
            @Param(name = "limit", value = "Most rows to return, 0 to 10000") int limit);

    @Action
    @Description("Sets PeakConnCount and PeakLoginedCount to the current counts")
    void resetPeaks();
}
