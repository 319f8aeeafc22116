package io.onlineuser.frameworks.suggest;

import static org.assertj.core.api.Assertions.assertThat;

import io.onlineuser.frameworks.AgentJvm;
import io.onlineuser.frameworks.AgentReads;
import io.onlineuser.frameworks.jakarta.JakartaPlayers;
import io.onlineuser.testkit.FreePort;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code suggest --watch} on the Jakarta WebSocket game in an embedded container: the game's {@code Lobby}
 * takes the container's {@code jakarta.websocket.Session}. Its class loads at the first login, so one
 * player logs in before the command runs, as on a server in use. The recommended lines are agent/README's
 * (the same for both containers); a fresh server given them counts a login/logout/abrupt-close cycle exactly.
 */
final class SuggestJakarta {

    private static final String LOBBY = "io.onlineuser.frameworks.jakarta.Lobby";
    private static final String BIND = "hook.bind=" + LOBBY + "#login/2 session=arg0 uid=arg1";
    private static final String UNBIND = "hook.unbind=" + LOBBY + "#logout/1 session=arg0";

    private SuggestJakarta() {
    }

    /** @param server the game's main class in one container ({@code TomcatGameServer}, {@code JettyGameServer}) */
    static void recommendsTheDocumentedLinesWhichCountExactly(Class<?> server, String serverId) throws Exception {
        List<String> documented = Documented.lines(BIND, UNBIND);
        Path properties;
        int port = FreePort.pick();
        try (AgentJvm game = start(server, port, Map.of("serverId", serverId));
             JakartaPlayers players = new JakartaPlayers()) {
            AgentReads agent = new AgentReads(game.jolokiaUrl(), serverId);
            players.open("ws://127.0.0.1:" + port + "/game", 5);
            players.login(0, "early");
            try (SuggestRun suggest = SuggestRun.watching(game.pid())) {
                for (int i = 1; i < 4; i++) {
                    players.login(i, "player-" + i);
                }
                players.logout(1);
                players.abort(2);
                assertThat(suggest.awaitExit()).as(suggest.text()).isZero();
                assertThat(suggest.hookLines()).as(suggest.text()).containsExactlyElementsOf(documented);
                properties = suggest.writeProperties(Files.createTempDirectory(serverId));
            }
            AfterWatch.noHookLeft(agent, () -> players.login(4, "after-watch"));
            assertThat(game.agentProblems()).isEmpty();
        }
        Files.writeString(properties, "listen.ports=" + (port = FreePort.pick()) + System.lineSeparator(),
                StandardOpenOption.APPEND);
        try (AgentJvm game = start(server, port, Map.of("serverId", serverId + "-2", "config", properties.toString()));
             JakartaPlayers players = new JakartaPlayers()) {
            AgentReads agent = new AgentReads(game.jolokiaUrl(), serverId + "-2");
            players.open("ws://127.0.0.1:" + port + "/game", 4);
            for (int i = 0; i < 4; i++) {
                players.login(i, "player-" + i);
            }
            AfterWatch.awaitLoggedIn(agent, Set.of("player-0", "player-1", "player-2", "player-3"));
            players.logout(0);
            players.abort(1);
            AfterWatch.awaitLoggedIn(agent, Set.of("player-2", "player-3"));
            agent.awaitConnections(3);
            assertThat(game.agentProblems()).isEmpty();
        }
    }

    private static AgentJvm start(Class<?> server, int port, Map<String, String> options) throws Exception {
        return AgentJvm.start(server, options, "game port \\d+, internal clients 0",
                Integer.toString(port), Integer.toString(FreePort.pick()), "0");
    }
}
