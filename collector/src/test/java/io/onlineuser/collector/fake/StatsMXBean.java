package io.onlineuser.collector.fake;

import java.util.List;

/** The slice of the agent's ConnectionStats MXBean contract (DESIGN.md) that the collector reads. */
public interface StatsMXBean {
    String getServerId();

    String getServerType();

    int getTotalConnCount();

    int getLoginedCount();

    int getSessionCount();

    long getStartTime();

    List<LoginRow> loginedList(int offset, int limit);
}
