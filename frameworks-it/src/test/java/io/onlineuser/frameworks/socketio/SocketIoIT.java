package io.onlineuser.frameworks.socketio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.onlineuser.frameworks.AgentJvm;
import io.onlineuser.frameworks.AgentReads;
import io.onlineuser.testkit.FreePort;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * netty-socketio 2.0.13 (WebSocket transport) with real Socket.IO clients: logins are bound by a
 * hook on the application's own {@link OnlinePlayers#login}; netty-socketio's client object shows
 * no Netty channel, so the hook names the connection by the remote address the client object
 * gives ({@code session=arg0.getRemoteAddress()}). Exact counts and login list at every phase.
 */
class SocketIoIT {

    private static final String PLAYERS = OnlinePlayers.class.getName();
    static final String BIND = PLAYERS + "#login/2 session=arg0.getRemoteAddress() uid=arg1";
    static final String UNBIND = PLAYERS + "#logout/1 session=arg0.getRemoteAddress()";
    private static final int HELD = 20;
    private static final int LOGGED_IN = 12;

    @Test
    void countsConnectionsAndLoginsExactlyWithTheirAddresses() throws Exception {
        int port = FreePort.pick();
        try (AgentJvm server = AgentJvm.start(SocketIoGameServer.class,
                Map.of("serverId", "socketio-1", "hook.bind", BIND, "hook.unbind", UNBIND),
                "socket.io game port \\d+", Integer.toString(port));
             SocketIoPlayers players = new SocketIoPlayers()) {
            AgentReads agent = new AgentReads(server.jolokiaUrl(), "socketio-1");

            players.connect("http://127.0.0.1:" + port, HELD);
            agent.awaitConnections(HELD);
            assertThat(agent.connectionStats().get("LoginedCount").asInt()).isZero();

            Map<String, String> addressByUid = new TreeMap<>();
            for (int i = 0; i < LOGGED_IN; i++) {
                addressByUid.put("player-" + i, players.login(i, "player-" + i).replaceFirst("^[^/]*/", ""));
            }
            awaitLogins(agent, addressByUid);

            // the last 8 never logged in, then 4 more who did: players 8..19 leave
            players.disconnect(HELD - 8);
            for (int i = 8; i < LOGGED_IN; i++) {
                addressByUid.remove("player-" + i);
            }
            agent.awaitConnections(8);
            awaitLogins(agent, addressByUid);

            players.disconnect(players.size());
            agent.awaitConnections(0);
            awaitLogins(agent, Map.of());

            JsonNode hooks = agent.agent().get("Hooks");
            assertThat(hooks).hasSize(2);
            assertThat(hooks.get(0).get("state").asText()).isEqualTo("installed");
            assertThat(hooks.get(0).get("calls").asLong()).isEqualTo(LOGGED_IN);
            assertThat(server.agentProblems()).isEmpty();
        }
    }

    /** Waits until LoginedCount and the login list are exactly {@code expected} (uid → ip:port). */
    private static void awaitLogins(AgentReads agent, Map<String, String> expected) {
        await().atMost(Duration.ofSeconds(60)).until(() -> logins(agent).equals(expected));
        assertThat(agent.connectionStats().get("LoginedCount").asInt()).isEqualTo(expected.size());
    }

    private static Map<String, String> logins(AgentReads agent) {
        Map<String, String> found = new TreeMap<>();
        for (JsonNode row : agent.statisticsInfo(1000).get("loginedList")) {
            found.put(row.get("uid").asText(), row.get("address").asText());
        }
        return found;
    }
}
