package io.onlineuser.frameworks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;

/** The login list as an operator reads it (uid → ip:port), and waiting for an exact one. */
public final class LoginChecks {

    private LoginChecks() {
    }

    /** Waits until LoginedCount and the login list are exactly {@code expected} (uid → ip:port). */
    public static void awaitLogins(AgentReads agent, Map<String, String> expected) {
        await().atMost(Duration.ofSeconds(60)).until(() -> logins(agent).equals(expected));
        assertThat(agent.connectionStats().get("LoginedCount").asInt()).isEqualTo(expected.size());
    }

    public static Map<String, String> logins(AgentReads agent) {
        Map<String, String> found = new TreeMap<>();
        for (JsonNode row : agent.statisticsInfo(1000).get("loginedList")) {
            found.put(row.get("uid").asText(), row.get("address").asText());
        }
        return found;
    }
}
