package io.onlineuser.frameworks.vertx;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.onlineuser.frameworks.AgentJvm;
import io.onlineuser.frameworks.AgentReads;
import io.onlineuser.frameworks.LoginChecks;
import io.onlineuser.frameworks.WebSocketPlayers;
import io.onlineuser.testkit.FreePort;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Vert.x 5: a WebSocket game server beside an internal {@code NetServer} (a broker) whose own
 * clients in the same JVM stay connected. With {@code netty.ports} set to the game port only the
 * players count; logins and logouts are bound by hooks on the game's own {@link VertxLobby}, whose
 * {@code session=} is Vert.x's {@code ServerWebSocket} (it holds the connection's Netty context).
 * Exact counts and login list at every phase; the broker's listener is still seen and said.
 */
class VertxIT {

    private static final String LOBBY = VertxLobby.class.getName();
    static final String BIND = LOBBY + "#login/2 session=arg0 uid=arg1";
    static final String UNBIND = LOBBY + "#logout/1 session=arg0";
    private static final int BROKER_LINKS = 2;
    private static final int HELD = 30;
    private static final int LOGGED_IN = 12;

    @Test
    void countsOnlyThePlayersOfTheGamePortAndTheirLoginsExactly() throws Exception {
        int gamePort = FreePort.pick();
        int brokerPort = FreePort.pick();
        try (AgentJvm server = AgentJvm.start(VertxGameServer.class,
                Map.of("serverId", "vertx-1", "netty.ports", Integer.toString(gamePort), "hook.bind", BIND,
                        "hook.unbind", UNBIND),
                "game port \\d+", Integer.toString(gamePort), Integer.toString(brokerPort), Integer.toString(BROKER_LINKS));
             WebSocketPlayers players = new WebSocketPlayers()) {
            AgentReads agent = new AgentReads(server.jolokiaUrl(), "vertx-1");
            agent.awaitConnections(0);
            server.awaitOutput("\\[onlineuser\\] INFO listener 127.0.0.1:" + gamePort
                    + " \\(io.netty.channel.socket.nio.NioServerSocketChannel\\): connections counted \\(netty.ports="
                    + gamePort + "\\)", Duration.ofSeconds(30));
            server.awaitOutput("\\[onlineuser\\] INFO listener 127.0.0.1:" + brokerPort
                    + " \\(io.netty.channel.socket.nio.NioServerSocketChannel\\): connections not counted",
                    Duration.ofSeconds(30));

            players.open("ws://127.0.0.1:" + gamePort + "/game", HELD);
            agent.awaitConnections(HELD);
            assertThat(agent.connectionStats().get("LoginedCount").asInt()).isZero();

            Map<String, String> addressByUid = LoginChecks.logInTextPlayers(players, agent, LOGGED_IN);

            // two log out through the game, players 8..29 drop (8..11 of them logged in)
            LoginChecks.logOutTwoAndDropFromEight(players, agent, addressByUid, LOGGED_IN);

            // the Agent MBean over Jolokia HTTP: both listeners, each with its own counts; both hooks in
            JsonNode self = agent.agent();
            assertThat(self.get("Options").get("netty.ports").asText()).isEqualTo(Integer.toString(gamePort));
            assertThat(self.get("JolokiaUrl").asText()).isEqualTo(server.jolokiaUrl());
            assertThat(self.get("Version").asText()).isNotBlank();
            assertThat(self.get("Listeners")).hasSize(2);
            JsonNode game = listener(self, gamePort);
            assertThat(game.get("counted").asBoolean()).isTrue();
            assertThat(game.get("serverChannelClass").asText()).isEqualTo("io.netty.channel.socket.nio.NioServerSocketChannel");
            assertThat(game.get("openConnections").asInt()).isEqualTo(8);
            assertThat(game.get("acceptedTotal").asLong()).isEqualTo(HELD);
            JsonNode broker = listener(self, brokerPort);
            assertThat(broker.get("counted").asBoolean()).isFalse();
            assertThat(broker.get("openConnections").asInt()).isEqualTo(BROKER_LINKS);
            assertThat(broker.get("acceptedTotal").asLong()).isEqualTo(BROKER_LINKS);
            JsonNode hooks = self.get("Hooks");
            assertThat(hooks).hasSize(2);
            assertThat(hooks.get(0).get("state").asText()).isEqualTo("installed");
            assertThat(hooks.get(0).get("calls").asLong()).isEqualTo(LOGGED_IN);
            assertThat(hooks.get(1).get("state").asText()).isEqualTo("installed");

            players.close();
            agent.awaitConnections(0);
            LoginChecks.awaitLogins(agent, Map.of());
            JsonNode stats = agent.connectionStats();
            assertThat(stats.get("AcceptedConnTotal").asLong()).isEqualTo(HELD);
            assertThat(stats.get("PeakConnCount").asInt()).isEqualTo(HELD);
            assertThat(stats.get("LoginTotal").asLong()).isEqualTo(LOGGED_IN);
            assertThat(stats.get("LogoutTotal").asLong()).isEqualTo(LOGGED_IN);
            assertThat(listener(agent.agent(), gamePort).get("openConnections").asInt()).isZero();
            assertThat(server.agentProblems()).isEmpty();
        }
    }

    private static JsonNode listener(JsonNode agent, int port) {
        for (JsonNode listener : agent.get("Listeners")) {
            if (listener.get("address").asText().equals("127.0.0.1:" + port)) {
                return listener;
            }
        }
        throw new AssertionError("no listener on port " + port + " in " + agent.get("Listeners"));
    }
}
