package io.onlineuser.frameworks.suggest;

import static org.assertj.core.api.Assertions.assertThat;

import io.onlineuser.frameworks.AgentJvm;
import io.onlineuser.frameworks.AgentReads;
import io.onlineuser.frameworks.mina.MinaClients;
import io.onlineuser.frameworks.mina.MinaGameServer;
import io.onlineuser.testkit.FreePort;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * {@code suggest --watch} on Apache MINA, whose game never logs anyone out: the bind is found on the
 * player object that holds its {@code IoSession} (uid by its getter), and no unbind is recommended,
 * since logins end when their connection closes. A fresh server given the line counts exactly.
 */
class SuggestMinaIT {

    private static final String BIND = "hook.bind=io.onlineuser.frameworks.mina.MinaPlayers#enter/1 session=arg0 uid=arg0.uid()";

    @Test
    void recommendsTheDocumentedBindAndNoUnbind() throws Exception {
        List<String> documented = Documented.lines(BIND);
        int port = FreePort.pick();
        int internalPort = FreePort.pick();
        Path properties;
        try (AgentJvm server = AgentJvm.start(MinaGameServer.class,
                Map.of("serverId", "suggest-mina", "listen.ports", Integer.toString(port)),
                "mina game port \\d+", Integer.toString(port), Integer.toString(internalPort));
             MinaClients players = new MinaClients()) {
            AgentReads agent = new AgentReads(server.jolokiaUrl(), "suggest-mina");
            players.connect(port, 4);
            try (SuggestRun suggest = SuggestRun.watching(server.pid())) {
                for (int i = 0; i < 3; i++) {
                    players.login(i, "player-" + i);
                }
                players.closeAbruptly(2);
                assertThat(suggest.awaitExit()).as(suggest.text()).isZero();
                assertThat(suggest.hookLines()).as(suggest.text()).containsExactlyElementsOf(documented);
                assertThat(suggest.text()).contains("# no hook.unbind needed: 1 of the 3 logins seen ended by their"
                        + " connection closing");
                properties = suggest.writeProperties(Files.createTempDirectory("suggest-mina"));
            }
            AfterWatch.noHookLeft(agent, () -> players.login(1, "after-watch"));
            assertThat(server.agentProblems()).isEmpty();
        }
        port = FreePort.pick();
        internalPort = FreePort.pick();
        Files.writeString(properties, "listen.ports=" + port + System.lineSeparator(), StandardOpenOption.APPEND);

        try (AgentJvm server = AgentJvm.start(MinaGameServer.class,
                Map.of("serverId", "suggest-mina-2", "config", properties.toString()),
                "mina game port \\d+", Integer.toString(port), Integer.toString(internalPort));
             MinaClients players = new MinaClients()) {
            AgentReads agent = new AgentReads(server.jolokiaUrl(), "suggest-mina-2");
            players.connect(port, 4);
            for (int i = 0; i < 4; i++) {
                players.login(i, "player-" + i);
            }
            AfterWatch.awaitLoggedIn(agent, Set.of("player-0", "player-1", "player-2", "player-3"));
            players.closeAbruptly(2);
            AfterWatch.awaitLoggedIn(agent, Set.of("player-0", "player-1"));
            players.closeAbruptly(0);
            agent.awaitConnections(0);
            AfterWatch.awaitLoggedIn(agent, Set.of());
            assertThat(server.agentProblems()).isEmpty();
        }
    }
}
