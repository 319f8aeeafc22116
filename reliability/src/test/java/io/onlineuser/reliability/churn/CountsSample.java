package io.onlineuser.reliability.churn;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.onlineuser.testkit.JolokiaHttp;
import java.util.ArrayList;
import java.util.List;

/**
 * The three gauges of ConnectionStats, read in one Jolokia bulk request between two reads of
 * the monotonic totals. Jolokia answers a bulk request item by item, so the gauges are not one
 * snapshot; the totals read before and after say how much can have happened in between.
 */
record CountsSample(int totalConnCount, int sessionCount, int loginedCount,
        long acceptedWhileRead, long loginsWhileRead) {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Read order: totals, then connections before sessions before logins, then totals again. */
    private static final List<String> ORDER = List.of("AcceptedConnTotal", "LoginTotal",
            "TotalConnCount", "SessionCount", "LoginedCount", "AcceptedConnTotal", "LoginTotal");

    static CountsSample read(JolokiaHttp jolokia, String statsMBean) {
        ArrayNode bulk = JSON.createArrayNode();
        for (String attribute : ORDER) {
            bulk.addObject().put("type", "read").put("mbean", statsMBean).put("attribute", attribute);
        }
        JolokiaHttp.Response response = jolokia.post(bulk.toString());
        List<Long> values = new ArrayList<>();
        for (JsonNode item : response.body()) {
            if (item.path("status").asInt() != 200) {
                throw new IllegalStateException("sample read failed: " + item);
            }
            values.add(item.get("value").asLong());
        }
        if (values.size() != ORDER.size()) {
            throw new IllegalStateException("sample answer has " + values.size() + " items: " + response.text());
        }
        return new CountsSample(values.get(2).intValue(), values.get(3).intValue(), values.get(4).intValue(),
                values.get(5) - values.get(0), values.get(6) - values.get(1));
    }

    /**
     * What must hold whatever happened between the reads, or null. The agent never has more
     * sessions than connections (a session ends before its connection is counted closed) nor
     * more uids than sessions (both are one word), so sessions read after connections exceed them
     * only by connections accepted meanwhile, and uids read after sessions exceed them only by
     * logins meanwhile.
     */
    String violation() {
        if (totalConnCount < 0 || sessionCount < 0 || loginedCount < 0) {
            return "negative count: " + this;
        }
        if (sessionCount > totalConnCount + acceptedWhileRead) {
            return "more sessions than connections: " + this;
        }
        if (loginedCount > sessionCount + loginsWhileRead) {
            return "more logged-in uids than sessions: " + this;
        }
        return null;
    }

    /** The same comparisons taken at face value, to report how often the reads were skewed. */
    boolean sessionsExceedConnections() {
        return sessionCount > totalConnCount;
    }

    boolean loginedExceedSessions() {
        return loginedCount > sessionCount;
    }
}
