package io.onlineuser.frameworks.suggest;

import static org.assertj.core.api.Assertions.assertThat;

import io.onlineuser.frameworks.AgentJvm;
import io.onlineuser.frameworks.AgentReads;
import io.onlineuser.frameworks.WebSocketPlayers;
import io.onlineuser.frameworks.vertx.VertxGameServer;
import io.onlineuser.testkit.FreePort;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * {@code suggest --watch} on Vert.x, whose game's {@code VertxLobby} takes the {@code ServerWebSocket}
 * interface: the session is found in the loaded implementation's field that holds the connection.
 * Beside the players an internal broker keeps its own links open. The recommended lines are
 * agent/README's; no hook is left; a fresh server given them counts a login/logout/abrupt-close
 * cycle exactly.
 */
class SuggestVertxIT {

    private static final String LOBBY = "io.onlineuser.frameworks.vertx.VertxLobby";
    private static final String BIND = "hook.bind=" + LOBBY + "#login/2 session=arg0 uid=arg1";
    private static final String UNBIND = "hook.unbind=" + LOBBY + "#logout/1 session=arg0";

    @Test
    void recommendsTheDocumentedLinesWhichCountExactlyOnAFreshServer() throws Exception {
        List<String> documented = Documented.lines(BIND, UNBIND);
        int port = FreePort.pick();
        Path properties;
        try (AgentJvm server = start(port, Map.of("serverId", "suggest-vertx", "netty.ports", Integer.toString(port)));
             WebSocketPlayers players = new WebSocketPlayers()) {
            AgentReads agent = new AgentReads(server.jolokiaUrl(), "suggest-vertx");
            players.open("ws://127.0.0.1:" + port + "/game", 5);
            try (SuggestRun suggest = SuggestRun.watching(server.pid())) {
                for (int i = 0; i < 4; i++) {
                    assertThat(players.ask(i, "login player-" + i)).startsWith("ok 127.0.0.1:");
                }
                assertThat(players.ask(0, "logout")).isEqualTo("bye");
                players.abortFrom(3);
                assertThat(suggest.awaitExit()).as(suggest.text()).isZero();
                assertThat(suggest.hookLines()).as(suggest.text()).containsExactlyElementsOf(documented);
                assertThat(suggest.text()).contains("hooks removed", "4 call(s), uids player-0, player-1, player-2, player-3");
                properties = suggest.writeProperties(Files.createTempDirectory("suggest-vertx"));
            }
            AfterWatch.noHookLeft(agent, () -> players.ask(1, "login after-watch"));
            assertThat(server.agentProblems()).isEmpty();
        }

        port = FreePort.pick();
        Files.writeString(properties, "netty.ports=" + port + System.lineSeparator(), StandardOpenOption.APPEND);
        try (AgentJvm server = start(port, Map.of("serverId", "suggest-vertx-2", "config", properties.toString()));
             WebSocketPlayers players = new WebSocketPlayers()) {
            AgentReads agent = new AgentReads(server.jolokiaUrl(), "suggest-vertx-2");
            players.open("ws://127.0.0.1:" + port + "/game", 5);
            for (int i = 0; i < 4; i++) {
                players.ask(i, "login player-" + i);
            }
            AfterWatch.awaitLoggedIn(agent, Set.of("player-0", "player-1", "player-2", "player-3"));
            assertThat(players.ask(0, "logout")).isEqualTo("bye");
            players.abortFrom(3);
            AfterWatch.awaitLoggedIn(agent, Set.of("player-1", "player-2"));
            agent.awaitConnections(3);
            players.close();
            agent.awaitConnections(0);
            AfterWatch.awaitLoggedIn(agent, Set.of());
            assertThat(server.agentProblems()).isEmpty();
        }
    }

    private static AgentJvm start(int port, Map<String, String> options) throws Exception {
        return AgentJvm.start(VertxGameServer.class, options, "game port \\d+", Integer.toString(port),
                Integer.toString(FreePort.pick()), "2");
    }
}
