package io.onlineuser.frameworks.suggest;

import static org.assertj.core.api.Assertions.assertThat;

import io.onlineuser.frameworks.AgentJvm;
import io.onlineuser.frameworks.AgentReads;
import io.onlineuser.frameworks.jakarta.JakartaPlayers;
import io.onlineuser.frameworks.jakarta.TomcatGameServer;
import io.onlineuser.testkit.FreePort;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * {@code suggest --watch} on Jakarta WebSocket in embedded Tomcat: the game's {@code Lobby} takes the
 * container's {@code jakarta.websocket.Session}. Its class loads at the first login, so one player logs
 * in before the command runs, as on a server in use. The recommended lines are agent/README's; a fresh
 * server given them counts a login/logout/abrupt-close cycle exactly.
 */
class SuggestJakartaIT {

    private static final String LOBBY = "io.onlineuser.frameworks.jakarta.Lobby";
    private static final String BIND = "hook.bind=" + LOBBY + "#login/2 session=arg0 uid=arg1";
    private static final String UNBIND = "hook.unbind=" + LOBBY + "#logout/1 session=arg0";

    @Test
    void recommendsTheDocumentedLinesWhichCountExactlyOnAFreshServer() throws Exception {
        List<String> documented = Documented.lines(BIND, UNBIND);
        Path properties;
        int port = FreePort.pick();
        try (AgentJvm server = start(port, Map.of("serverId", "suggest-tomcat"));
             JakartaPlayers players = new JakartaPlayers()) {
            AgentReads agent = new AgentReads(server.jolokiaUrl(), "suggest-tomcat");
            players.open("ws://127.0.0.1:" + port + "/game", 5);
            players.login(0, "early");
            try (SuggestRun suggest = SuggestRun.watching(server.pid())) {
                for (int i = 1; i < 4; i++) {
                    players.login(i, "player-" + i);
                }
                players.logout(1);
                players.abort(2);
                assertThat(suggest.awaitExit()).as(suggest.text()).isZero();
                assertThat(suggest.hookLines()).as(suggest.text()).containsExactlyElementsOf(documented);
                properties = suggest.writeProperties(Files.createTempDirectory("suggest-tomcat"));
            }
            AfterWatch.noHookLeft(agent, () -> players.login(4, "after-watch"));
            assertThat(server.agentProblems()).isEmpty();
        }
        Files.writeString(properties, "listen.ports=" + (port = FreePort.pick()) + System.lineSeparator(),
                StandardOpenOption.APPEND);
        try (AgentJvm server = start(port, Map.of("serverId", "suggest-tomcat-2", "config", properties.toString()));
             JakartaPlayers players = new JakartaPlayers()) {
            AgentReads agent = new AgentReads(server.jolokiaUrl(), "suggest-tomcat-2");
            players.open("ws://127.0.0.1:" + port + "/game", 4);
            for (int i = 0; i < 4; i++) {
                players.login(i, "player-" + i);
            }
            AfterWatch.awaitLoggedIn(agent, Set.of("player-0", "player-1", "player-2", "player-3"));
            players.logout(0);
            players.abort(1);
            AfterWatch.awaitLoggedIn(agent, Set.of("player-2", "player-3"));
            agent.awaitConnections(3);
            assertThat(server.agentProblems()).isEmpty();
        }
    }

    private static AgentJvm start(int port, Map<String, String> options) throws Exception {
        return AgentJvm.start(TomcatGameServer.class, options, "game port \\d+, internal clients 0",
                Integer.toString(port), Integer.toString(FreePort.pick()), "0");
    }
}
