package io.onlineuser.frameworks.mina;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.onlineuser.frameworks.AgentJvm;
import io.onlineuser.frameworks.AgentReads;
import io.onlineuser.frameworks.LoginChecks;
import io.onlineuser.testkit.FreePort;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Apache MINA 2.2.4 ({@code NioSocketAcceptor}) with MINA's own connector as players: connections
 * counted without a hook; logins bound by a hook on the game's own {@link MinaPlayers#enter}, whose
 * player object holds its {@code IoSession}; no unbind hook, so a login ends when its connection
 * closes. An internal acceptor beside the game port is listed but not counted.
 */
class MinaIT {

    static final String BIND = MinaPlayers.class.getName() + "#enter/1 session=arg0 uid=arg0.uid()";
    private static final int HELD = 20;
    private static final int LOGGED_IN = 12;
    private static final int INTERNAL = 3;

    @Test
    void countsSessionsAndLoginsExactlyAndLeavesTheInternalAcceptorOut() throws Exception {
        int port = FreePort.pick();
        int internalPort = FreePort.pick();
        try (AgentJvm server = AgentJvm.start(MinaGameServer.class,
                Map.of("serverId", "mina-1", "hook.bind", BIND, "listen.ports", Integer.toString(port)),
                "mina game port \\d+", Integer.toString(port), Integer.toString(internalPort));
             MinaClients players = new MinaClients();
             MinaClients internal = new MinaClients()) {
            AgentReads agent = new AgentReads(server.jolokiaUrl(), "mina-1");

            players.connect(port, HELD);
            internal.connect(internalPort, INTERNAL);
            agent.awaitConnections(HELD);
            assertThat(agent.connectionStats().get("LoginedCount").asInt()).isZero();

            Map<String, String> addressByUid = new TreeMap<>();
            for (int i = 0; i < LOGGED_IN; i++) {
                addressByUid.put("player-" + i, players.login(i, "player-" + i));
            }
            LoginChecks.awaitLogins(agent, addressByUid);

            players.closeAbruptly(8);
            for (int i = 8; i < LOGGED_IN; i++) {
                addressByUid.remove("player-" + i);
            }
            agent.awaitConnections(8);
            LoginChecks.awaitLogins(agent, addressByUid);

            Map<String, JsonNode> listeners = listenersByAddress(agent);
            assertThat(listeners).containsOnlyKeys("127.0.0.1:" + port, "127.0.0.1:" + internalPort);
            JsonNode game = listeners.get("127.0.0.1:" + port);
            assertThat(game.get("transport").asText()).isEqualTo("mina");
            assertThat(game.get("counted").asBoolean()).isTrue();
            assertThat(game.get("openConnections").asInt()).isEqualTo(8);
            assertThat(game.get("acceptedTotal").asLong()).isEqualTo(HELD);
            JsonNode other = listeners.get("127.0.0.1:" + internalPort);
            assertThat(other.get("transport").asText()).isEqualTo("mina");
            assertThat(other.get("counted").asBoolean()).isFalse();
            assertThat(other.get("openConnections").asInt()).isEqualTo(INTERNAL);

            players.closeAbruptly(0);
            agent.awaitConnections(0);
            LoginChecks.awaitLogins(agent, Map.of());
            JsonNode stats = agent.connectionStats();
            assertThat(stats.get("PeakConnCount").asInt()).isEqualTo(HELD);
            assertThat(stats.get("PeakLoginedCount").asInt()).isEqualTo(LOGGED_IN);
            assertThat(stats.get("AcceptedConnTotal").asLong()).isEqualTo(HELD);
            assertThat(stats.get("ClosedConnTotal").asLong()).isEqualTo(HELD);

            internal.closeAbruptly(0);
            await().atMost(Duration.ofSeconds(30)).until(() ->
                    listenersByAddress(agent).get("127.0.0.1:" + internalPort).get("openConnections").asInt() == 0);
            assertThat(server.output()).contains("[onlineuser] INFO listener 127.0.0.1:" + port
                    + " (mina, org.apache.mina.transport.socket.nio.NioSocketAcceptor): connections counted (listen.ports="
                    + port + ")");
            assertThat(server.agentProblems()).isEmpty();
        }
    }

    static Map<String, JsonNode> listenersByAddress(AgentReads agent) {
        Map<String, JsonNode> byAddress = new HashMap<>();
        for (JsonNode row : agent.agent().get("Listeners")) {
            byAddress.put(row.get("address").asText(), row);
        }
        return byAddress;
    }
}
