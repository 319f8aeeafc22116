package io.onlineuser.frameworks.mina;

import static org.assertj.core.api.Assertions.assertThat;

import io.onlineuser.frameworks.AgentJvm;
import io.onlineuser.frameworks.AgentReads;
import io.onlineuser.testkit.FreePort;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Bad input on a MINA server: a {@code netty.relocated} package that holds no Netty, a
 * {@code listen.ports} entry nobody listens on, and a {@code session=} whose value is no connection
 * and holds none. Each is one clear line; the host serves its players on, and they are counted.
 */
class MinaBadInputIT {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Test
    void eachBadInputIsOneLineAndTheHostServesOn() throws Exception {
        int port = FreePort.pick();
        int nobody = FreePort.pick();
        try (AgentJvm server = AgentJvm.start(MinaGameServer.class,
                Map.of("serverId", "mina-bad", "netty.relocated", "com.example.nowhere",
                        "listen.ports", port + "," + nobody,
                        "hook.bind", MinaPlayers.class.getName() + "#enter/1 session=this uid=arg0.uid()"),
                "mina game port \\d+", Integer.toString(port), Integer.toString(FreePort.pick()));
             MinaClients players = new MinaClients()) {
            AgentReads agent = new AgentReads(server.jolokiaUrl(), "mina-bad");
            players.connect(port, 3);
            assertThat(players.login(0, "player-0")).startsWith("127.0.0.1:");
            agent.awaitConnections(3);

            String session = server.awaitOutput("(\\[onlineuser\\] \\w+ hook.bind: no connection found.*)", WAIT);
            assertThat(session).contains("for a session of " + MinaPlayers.class.getName(),
                    "a MINA IoSession", "(reported once)");
            String ports = server.awaitOutput("(\\[onlineuser\\] WARN listen.ports=.*)", WAIT);
            assertThat(ports).startsWith("[onlineuser] WARN listen.ports=" + port + "," + nobody + ": nothing listens on "
                    + nobody);
            String relocated = server.awaitOutput("(\\[onlineuser\\] WARN netty.relocated=.*)", WAIT);
            assertThat(relocated).startsWith("[onlineuser] WARN netty.relocated=com.example.nowhere: no class"
                    + " com.example.nowhere.io.netty.* is loaded");

            assertThat(players.login(1, "player-1")).startsWith("127.0.0.1:");
            assertThat(agent.connectionStats().get("LoginedCount").asInt()).isEqualTo(1);
            assertThat(server.agentProblems()).hasSize(3);
        }
    }
}
