package io.onlineuser.collector.api;

import java.util.Collection;

import io.onlineuser.collector.model.ServerStats;

/**
 * Sums over the servers that answered. {@code loginedCount} is the sum of each server's distinct
 * uids: a uid online on two connectors counts twice (see {@link ClusterSnapshot#duplicates()}).
 */
public record Totals(int servers, int failed, long totalConnCount, long loginedCount, long sessionCount) {

    static Totals of(Collection<ServerStats> answered, int failed) {
        long connections = 0;
        long logined = 0;
        long sessions = 0;
        for (ServerStats stats : answered) {
            connections += stats.totalConnCount();
            logined += stats.loginedCount();
            sessions += stats.sessionCount();
        }
        return new Totals(answered.size(), failed, connections, logined, sessions);
    }
}
