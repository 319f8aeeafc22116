package io.onlineuser.frameworks.suggest;

import static org.assertj.core.api.Assertions.assertThat;

import io.onlineuser.frameworks.AgentJvm;
import io.onlineuser.frameworks.AgentReads;
import io.onlineuser.frameworks.socketio.SocketIoGameServer;
import io.onlineuser.frameworks.socketio.SocketIoPlayers;
import io.onlineuser.testkit.FreePort;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * {@code suggest --watch} on netty-socketio, whose client object holds no channel: the session is
 * named by the client's remote address. The recommended lines are agent/README's; no hook is left;
 * a fresh server given them counts a login/disconnect cycle exactly.
 */
class SuggestSocketIoIT {

    private static final String PLAYERS = "io.onlineuser.frameworks.socketio.OnlinePlayers";
    private static final String BIND = "hook.bind=" + PLAYERS + "#login/2 session=arg0.getRemoteAddress() uid=arg1";
    private static final String UNBIND = "hook.unbind=" + PLAYERS + "#logout/1 session=arg0.getRemoteAddress()";

    @Test
    void recommendsTheDocumentedLinesWhichCountExactlyOnAFreshServer() throws Exception {
        List<String> documented = Documented.lines(BIND, UNBIND);
        int port = FreePort.pick();
        Path properties;
        try (AgentJvm server = AgentJvm.start(SocketIoGameServer.class, Map.of("serverId", "suggest-socketio"),
                "socket.io game port \\d+", Integer.toString(port));
             SocketIoPlayers players = new SocketIoPlayers()) {
            AgentReads agent = new AgentReads(server.jolokiaUrl(), "suggest-socketio");
            players.connect("http://127.0.0.1:" + port, 4);
            try (SuggestRun suggest = SuggestRun.watching(server.pid())) {
                for (int i = 0; i < 4; i++) {
                    players.login(i, "player-" + i);
                }
                players.disconnect(2);
                assertThat(suggest.awaitExit()).as(suggest.text()).isZero();
                assertThat(suggest.hookLines()).as(suggest.text()).containsExactlyElementsOf(documented);
                assertThat(suggest.text()).contains("hooks removed");
                properties = suggest.writeProperties(Files.createTempDirectory("suggest-socketio"));
            }
            AfterWatch.noHookLeft(agent, () -> players.login(0, "after-watch"));
            assertThat(server.agentProblems()).isEmpty();
        }

        port = FreePort.pick();
        try (AgentJvm server = AgentJvm.start(SocketIoGameServer.class,
                Map.of("serverId", "suggest-socketio-2", "config", properties.toString()),
                "socket.io game port \\d+", Integer.toString(port));
             SocketIoPlayers players = new SocketIoPlayers()) {
            AgentReads agent = new AgentReads(server.jolokiaUrl(), "suggest-socketio-2");
            players.connect("http://127.0.0.1:" + port, 4);
            for (int i = 0; i < 4; i++) {
                players.login(i, "player-" + i);
            }
            AfterWatch.awaitLoggedIn(agent, Set.of("player-0", "player-1", "player-2", "player-3"));
            players.disconnect(2);
            AfterWatch.awaitLoggedIn(agent, Set.of("player-0", "player-1"));
            players.disconnect(2);
            agent.awaitConnections(0);
            AfterWatch.awaitLoggedIn(agent, Set.of());
            assertThat(server.agentProblems()).isEmpty();
        }
    }
}
