package io.onlineuser.frameworks.vertx;

import static org.assertj.core.api.Assertions.assertThat;

import io.onlineuser.frameworks.AgentJvm;
import io.onlineuser.frameworks.AgentReads;
import io.onlineuser.frameworks.FreePort;
import io.onlineuser.frameworks.WebSocketPlayers;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Vert.x 5: a WebSocket game server, counted exactly by the agent with no line of Vert.x-specific setup. */
class VertxIT {

    @Test
    void countsEveryPlayerOfAWebSocketGameServerExactly() throws Exception {
        int gamePort = FreePort.pick();
        try (AgentJvm server = AgentJvm.start(VertxGameServer.class, Map.of("serverId", "vertx-1"),
                "game port \\d+", Integer.toString(gamePort), "0", "0");
             WebSocketPlayers players = new WebSocketPlayers()) {
            AgentReads agent = new AgentReads(server.jolokiaUrl(), "vertx-1");
            agent.awaitConnections(0);

            players.open("ws://127.0.0.1:" + gamePort + "/game", 30);
            agent.awaitConnections(30);
            players.close(12);
            agent.awaitConnections(18);
            players.close();
            agent.awaitConnections(0);

            assertThat(agent.connectionStats().get("AcceptedConnTotal").asLong()).isEqualTo(30);
            assertThat(server.agentProblems()).isEmpty();
        }
    }
}
