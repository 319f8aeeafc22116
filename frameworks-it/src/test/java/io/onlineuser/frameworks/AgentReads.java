package io.onlineuser.frameworks;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.onlineuser.testkit.JolokiaHttp;
import java.time.Duration;

/** What an operator reads from the agent over Jolokia HTTP, and waits for. */
public final class AgentReads {

    private static final Duration WAIT = Duration.ofSeconds(60);
    /** How long a value must hold once reached: a count that overshoots would show within it. */
    private static final Duration HOLDS = Duration.ofMillis(1500);

    private final JolokiaHttp jolokia;
    private final String serverId;

    public AgentReads(String jolokiaUrl, String serverId) {
        this.jolokia = new JolokiaHttp(jolokiaUrl);
        this.serverId = serverId;
    }

    public JsonNode connectionStats() {
        return jolokia.read("onlineuser:type=ConnectionStats,serverId=" + serverId, null);
    }

    public JsonNode agent() {
        return jolokia.read("onlineuser:type=Agent,serverId=" + serverId, null);
    }

    /** Pomelo's statisticsInfo: serverId, totalConnCount, loginedCount, loginedList. */
    public JsonNode statisticsInfo(int limit) {
        return jolokia.exec("onlineuser:type=ConnectionStats,serverId=" + serverId, "statisticsInfo", limit);
    }

    public int totalConnCount() {
        return connectionStats().get("TotalConnCount").asInt();
    }

    /** Waits until TotalConnCount is {@code expected}, then checks it stays so for a moment. */
    public void awaitConnections(int expected) {
        await().atMost(WAIT).until(() -> totalConnCount() == expected);
        await().during(HOLDS).atMost(HOLDS.multipliedBy(3)).until(() -> totalConnCount() == expected);
    }
}
