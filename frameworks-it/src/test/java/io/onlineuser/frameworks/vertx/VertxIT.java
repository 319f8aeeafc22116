package io.onlineuser.frameworks.vertx;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.onlineuser.frameworks.AgentJvm;
import io.onlineuser.frameworks.AgentReads;
import io.onlineuser.frameworks.WebSocketPlayers;
import io.onlineuser.testkit.FreePort;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Vert.x 5: a WebSocket game server beside an internal {@code NetServer} (a broker) whose own
 * clients in the same JVM stay connected. With {@code netty.ports} set to the game port only the
 * players count, exactly, at every phase; the broker's listener is still seen and said.
 */
class VertxIT {

    private static final int BROKER_LINKS = 2;

    @Test
    void countsOnlyThePlayersOfTheGamePortExactly() throws Exception {
        int gamePort = FreePort.pick();
        int brokerPort = FreePort.pick();
        try (AgentJvm server = AgentJvm.start(VertxGameServer.class,
                Map.of("serverId", "vertx-1", "netty.ports", Integer.toString(gamePort)),
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

            players.open("ws://127.0.0.1:" + gamePort + "/game", 30);
            agent.awaitConnections(30);
            players.close(12);
            agent.awaitConnections(18);

            // the Agent MBean over Jolokia HTTP: both listeners, each with its own counts
            JsonNode self = agent.agent();
            assertThat(self.get("Options").get("netty.ports").asText()).isEqualTo(Integer.toString(gamePort));
            assertThat(self.get("JolokiaUrl").asText()).isEqualTo(server.jolokiaUrl());
            assertThat(self.get("Version").asText()).isNotBlank();
            assertThat(self.get("Hooks")).isEmpty();
            assertThat(self.get("Listeners")).hasSize(2);
            JsonNode game = listener(self, gamePort);
            assertThat(game.get("counted").asBoolean()).isTrue();
            assertThat(game.get("serverChannelClass").asText()).isEqualTo("io.netty.channel.socket.nio.NioServerSocketChannel");
            assertThat(game.get("openConnections").asInt()).isEqualTo(18);
            assertThat(game.get("acceptedTotal").asLong()).isEqualTo(30);
            JsonNode broker = listener(self, brokerPort);
            assertThat(broker.get("counted").asBoolean()).isFalse();
            assertThat(broker.get("openConnections").asInt()).isEqualTo(BROKER_LINKS);
            assertThat(broker.get("acceptedTotal").asLong()).isEqualTo(BROKER_LINKS);
            players.close();
            agent.awaitConnections(0);

            assertThat(agent.connectionStats().get("AcceptedConnTotal").asLong()).isEqualTo(30);
            assertThat(agent.connectionStats().get("PeakConnCount").asInt()).isEqualTo(30);
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
