package io.onlineuser.frameworks.suggest;

import static org.assertj.core.api.Assertions.assertThat;

import io.onlineuser.frameworks.AgentReads;
import io.onlineuser.sample.client.PomeloClient;
import io.onlineuser.testkit.ConnectorProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * {@code suggest --watch} on the sample-server, started with the agent and no hook: players log in,
 * out, and drop during the watch; the recommended lines are agent/README's, the watch leaves no
 * hook, and a fresh server given those lines counts a login/logout/abrupt-close cycle exactly.
 */
class SuggestSampleServerIT {

    private static final String BIND = "hook.bind=io.onlineuser.sample.session.SessionService#bind/2 session=arg0 uid=arg1";
    private static final String UNBIND = "hook.unbind=io.onlineuser.sample.session.SessionService#unbind/1 session=arg0";

    @Test
    void recommendsTheDocumentedLinesWhichCountExactlyOnAFreshServer() throws Exception {
        List<String> documented = Documented.lines(BIND, UNBIND);
        Path properties;
        try (ConnectorProcess server = ConnectorProcess.builder().serverId("suggest-sample").agentConfig(null).start()) {
            AgentReads agent = new AgentReads(server.jolokiaUrl(), "suggest-sample");
            List<PomeloClient> players = connect(server.pomeloPort(), 4);
            try (SuggestRun suggest = SuggestRun.watching(server.pid())) {
                for (int i = 0; i < 3; i++) {
                    assertThat(players.get(i).login("player-" + i)).isEqualTo(200);
                }
                assertThat(players.get(0).logout()).isEqualTo(200);
                players.get(1).abort();
                assertThat(suggest.awaitExit()).as(suggest.text()).isZero();
                assertThat(suggest.hookLines()).as(suggest.text()).containsExactlyElementsOf(documented);
                assertThat(suggest.text()).contains("hooks removed", "3 call(s), uids player-0, player-1, player-2");
                properties = suggest.writeProperties(Files.createTempDirectory("suggest-sample"));
            }
            AfterWatch.noHookLeft(agent, () -> assertThat(players.get(3).login("after-watch")).isEqualTo(200));
            assertThat(server.output()).contains("suggest: watch ended, hooks removed");
            assertThat(server.output()).doesNotContain("[onlineuser] WARN", "[onlineuser] ERROR");
            players.forEach(PomeloClient::close);
        }

        try (ConnectorProcess server = ConnectorProcess.builder().serverId("suggest-sample-2").agentConfig(properties)
                .start()) {
            AgentReads agent = new AgentReads(server.jolokiaUrl(), "suggest-sample-2");
            List<PomeloClient> players = connect(server.pomeloPort(), 4);
            for (int i = 0; i < 4; i++) {
                assertThat(players.get(i).login("player-" + i)).isEqualTo(200);
            }
            AfterWatch.awaitLoggedIn(agent, Set.of("player-0", "player-1", "player-2", "player-3"));
            assertThat(players.get(0).logout()).isEqualTo(200);
            players.get(1).abort();
            AfterWatch.awaitLoggedIn(agent, Set.of("player-2", "player-3"));
            agent.awaitConnections(3);
            players.forEach(PomeloClient::close);
            AfterWatch.awaitLoggedIn(agent, Set.of());
            assertThat(server.output()).doesNotContain("[onlineuser] WARN", "[onlineuser] ERROR");
        }
    }

    private static List<PomeloClient> connect(int port, int count) throws Exception {
        List<PomeloClient> players = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            players.add(PomeloClient.connectTcp("127.0.0.1", port));
        }
        return players;
    }
}
