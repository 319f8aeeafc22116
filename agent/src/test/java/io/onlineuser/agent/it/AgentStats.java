package io.onlineuser.agent.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.onlineuser.testkit.JolokiaHttp;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;

/** Reads the agent's MXBeans of one server over Jolokia, as an operator's script would. */
final class AgentStats {

    private static final Duration HOLD = Duration.ofSeconds(1);

    private final JolokiaHttp jolokia;
    private final String connectionStats;
    private final String session;

    AgentStats(JolokiaHttp jolokia, String serverId) {
        this.jolokia = jolokia;
        this.connectionStats = "onlineuser:type=ConnectionStats,serverId=" + serverId;
        this.session = "onlineuser:type=Session,serverId=" + serverId;
    }

    JsonNode attribute(String name) {
        return jolokia.read(connectionStats, name);
    }

    /** An operation of {@code onlineuser:type=ConnectionStats}. */
    JsonNode statsOperation(String operation, Object... arguments) {
        return jolokia.exec(connectionStats, operation, arguments);
    }

    /** An operation of {@code onlineuser:type=Session}. */
    JsonNode sessionOperation(String operation, Object... arguments) {
        return jolokia.exec(session, operation, arguments);
    }

    /** The three gauges a dashboard shows: connections, logged-in uids, sessions. */
    Map<String, Integer> gauges() {
        JsonNode all = jolokia.read(connectionStats, null);
        Map<String, Integer> gauges = new TreeMap<>();
        gauges.put("TotalConnCount", all.get("TotalConnCount").asInt());
        gauges.put("LoginedCount", all.get("LoginedCount").asInt());
        gauges.put("SessionCount", all.get("SessionCount").asInt());
        return gauges;
    }

    /**
     * For an event that must change nothing, once the server has handled it: the gauges are
     * exactly these now and at every read over the next second (an agent that reacts late still
     * shows it).
     */
    void assertGaugesHold(int connections, int logined, int sessions) throws InterruptedException {
        Map<String, Integer> expected = Map.of("TotalConnCount", connections, "LoginedCount", logined,
                "SessionCount", sessions);
        long end = System.nanoTime() + HOLD.toNanos();
        do {
            assertThat(gauges()).isEqualTo(expected);
            Thread.sleep(100);
        } while (System.nanoTime() < end);
        assertThat(gauges()).isEqualTo(expected);
    }

    /** Waits (generously: shared, loaded machines) until the gauges are exactly these. */
    void awaitGauges(int connections, int logined, int sessions) {
        Map<String, Integer> expected = Map.of("TotalConnCount", connections, "LoginedCount", logined,
                "SessionCount", sessions);
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                .until(this::gauges, expected::equals);
    }
}
