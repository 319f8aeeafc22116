package io.onlineuser.agent.jmx;

/** Pomelo's {@code connectionService.getStatisticsInfo()} object. */
public interface StatisticsInfo {
    String getServerId();

    int getTotalConnCount();

    int getLoginedCount();

    LoginRow[] getLoginedList();
}
