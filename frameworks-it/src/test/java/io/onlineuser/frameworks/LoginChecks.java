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

    /**
     * The text game's login phase on {@code players}: players 0..count-1 log in ("login player-N",
     * answered "ok ip:port"); waits until the agent lists exactly them. Returns uid → address.
     */
    public static Map<String, String> logInTextPlayers(WebSocketPlayers players, AgentReads agent, int count)
            throws Exception {
        Map<String, String> addressByUid = new TreeMap<>();
        for (int i = 0; i < count; i++) {
            addressByUid.put("player-" + i, players.ask(i, "login player-" + i).substring(3));
        }
        awaitLogins(agent, addressByUid);
        return addressByUid;
    }

    /**
     * Players 0 and 1 log out through the game, players 8 and up drop abruptly (8..loggedIn-1 of
     * them logged in); waits until the agent holds 8 connections and lists the remaining logins.
     */
    public static void logOutTwoAndDropFromEight(WebSocketPlayers players, AgentReads agent,
            Map<String, String> addressByUid, int loggedIn) throws Exception {
        assertThat(players.ask(0, "logout")).isEqualTo("bye");
        assertThat(players.ask(1, "logout")).isEqualTo("bye");
        addressByUid.remove("player-0");
        addressByUid.remove("player-1");
        players.abortFrom(8);
        for (int i = 8; i < loggedIn; i++) {
            addressByUid.remove("player-" + i);
        }
        agent.awaitConnections(8);
        awaitLogins(agent, addressByUid);
    }
}
