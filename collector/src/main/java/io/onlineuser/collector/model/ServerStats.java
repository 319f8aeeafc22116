package io.onlineuser.collector.model;

/**
 * One connector's {@code onlineuser:type=ConnectionStats} attributes, with Pomelo's field names
 * ({@code totalConnCount}, {@code loginedCount}) so JSON output reads like Pomelo's onlineUser answer.
 */
public record ServerStats(
        String serverId,
        String serverType,
        int totalConnCount,
        int loginedCount,
        int sessionCount,
        int peakConnCount,
        int peakLoginedCount,
        long acceptedConnTotal,
        long closedConnTotal,
        long loginTotal,
        long logoutTotal,
        long kickTotal,
        long startTime,
        String url) {
}
