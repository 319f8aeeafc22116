package io.onlineuser.frameworks.javawebsocket;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.onlineuser.frameworks.AgentJvm;
import io.onlineuser.frameworks.AgentReads;
import io.onlineuser.frameworks.LoginChecks;
import io.onlineuser.frameworks.WebSocketPlayers;
import io.onlineuser.testkit.FreePort;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Java-WebSocket 1.6.0 ({@code WebSocketServer}) with the JDK's WebSocket client as players:
 * connections counted from the handshake without a hook; logins and logouts bound by hooks on the
 * game's own {@link LobbyPlayers}, whose {@code session=} is the {@code WebSocket} itself. Plain
 * HTTP requests to the same port are not players. Exact counts and login list at every phase.
 */
class JavaWebSocketIT {

    private static final String PLAYERS = LobbyPlayers.class.getName();
    static final String BIND = PLAYERS + "#login/2 session=arg0 uid=arg1";
    static final String UNBIND = PLAYERS + "#logout/1 session=arg0";
    private static final int HELD = 20;
    private static final int LOGGED_IN = 12;

    @Test
    void countsWebSocketsAndLoginsExactly() throws Exception {
        int port = FreePort.pick();
        try (AgentJvm server = AgentJvm.start(LobbyServer.class,
                Map.of("serverId", "jws-1", "hook.bind", BIND, "hook.unbind", UNBIND),
                "java-websocket game port \\d+", Integer.toString(port));
             WebSocketPlayers players = new WebSocketPlayers()) {
            AgentReads agent = new AgentReads(server.jolokiaUrl(), "jws-1");
            String url = "ws://127.0.0.1:" + port + "/";

            players.open(url, HELD);
            plainHttpRequests(port, 3);
            agent.awaitConnections(HELD);
            assertThat(agent.connectionStats().get("LoginedCount").asInt()).isZero();

            Map<String, String> addressByUid = LoginChecks.logInTextPlayers(players, agent, LOGGED_IN);

            // two log out through the game, players 8..19 drop (8..11 of them logged in)
            LoginChecks.logOutTwoAndDropFromEight(players, agent, addressByUid, LOGGED_IN);

            JsonNode listeners = agent.agent().get("Listeners");
            assertThat(listeners).hasSize(1);
            assertThat(listeners.get(0).get("address").asText()).isEqualTo("127.0.0.1:" + port);
            assertThat(listeners.get(0).get("transport").asText()).isEqualTo("java-websocket");
            assertThat(listeners.get(0).get("openConnections").asInt()).isEqualTo(8);

            players.abortFrom(0);
            agent.awaitConnections(0);
            LoginChecks.awaitLogins(agent, Map.of());
            JsonNode stats = agent.connectionStats();
            assertThat(stats.get("PeakConnCount").asInt()).isEqualTo(HELD);
            assertThat(stats.get("AcceptedConnTotal").asLong()).isEqualTo(HELD);
            assertThat(stats.get("LoginTotal").asLong()).isEqualTo(LOGGED_IN);
            assertThat(stats.get("LogoutTotal").asLong()).isEqualTo(LOGGED_IN);
            assertThat(server.agentProblems()).isEmpty();
        }
    }

    /** Requests that are not WebSocket upgrades: the server refuses them; they never count. */
    private static void plainHttpRequests(int port, int count) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        for (int i = 0; i < count; i++) {
            try {
                http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/status"))
                        .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.discarding());
            } catch (Exception refused) {
                // Java-WebSocket answers a plain request with an error or closes it: either way no player
            }
        }
    }
}
