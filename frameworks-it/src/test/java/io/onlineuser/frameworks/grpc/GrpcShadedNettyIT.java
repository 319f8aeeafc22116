package io.onlineuser.frameworks.grpc;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.onlineuser.frameworks.AgentJvm;
import io.onlineuser.frameworks.AgentReads;
import io.onlineuser.frameworks.LoginChecks;
import io.onlineuser.testkit.FreePort;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * A gRPC streaming game service on grpc-netty-shaded 1.85.1 with gRPC's own client as players,
 * counted through {@code netty.relocated=io.grpc.netty.shaded}; logins by a hook on the game's
 * {@link GrpcPlayers}, which knows players by their address ({@code session=arg0}).
 */
class GrpcShadedNettyIT {

    private static final String PLAYERS = GrpcPlayers.class.getName();
    static final String BIND = PLAYERS + "#login/2 session=arg0 uid=arg1";
    static final String UNBIND = PLAYERS + "#logout/1 session=arg0";
    private static final int HELD = 10;
    private static final int LOGGED_IN = 6;

    @Test
    void countsTheConnectionsOfTheRelocatedNetty() throws Exception {
        int port = FreePort.pick();
        try (AgentJvm server = AgentJvm.start(GrpcGameServer.class,
                Map.of("serverId", "grpc-1", "hook.bind", BIND, "hook.unbind", UNBIND,
                        "netty.relocated", "io.grpc.netty.shaded"),
                "grpc game port \\d+", Integer.toString(port));
             GrpcPlayerClients players = new GrpcPlayerClients()) {
            AgentReads agent = new AgentReads(server.jolokiaUrl(), "grpc-1");

            players.connect(port, HELD);
            agent.awaitConnections(HELD);

            Map<String, String> addressByUid = new TreeMap<>();
            for (int i = 0; i < LOGGED_IN; i++) {
                addressByUid.put("player-" + i, players.login(i, "player-" + i));
            }
            LoginChecks.awaitLogins(agent, addressByUid);

            players.dropFrom(4);
            addressByUid.remove("player-4");
            addressByUid.remove("player-5");
            agent.awaitConnections(4);
            LoginChecks.awaitLogins(agent, addressByUid);

            JsonNode listeners = agent.agent().get("Listeners");
            assertThat(listeners).hasSize(1);
            assertThat(listeners.get(0).get("transport").asText()).isEqualTo("netty-relocated");
            assertThat(listeners.get(0).get("serverChannelClass").asText()).startsWith("io.grpc.netty.shaded.io.netty.");

            players.dropFrom(0);
            agent.awaitConnections(0);
            LoginChecks.awaitLogins(agent, Map.of());
            assertThat(agent.connectionStats().get("AcceptedConnTotal").asLong()).isEqualTo(HELD);
            assertThat(server.agentProblems()).isEmpty();
        }
    }
}
