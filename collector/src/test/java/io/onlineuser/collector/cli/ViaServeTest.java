package io.onlineuser.collector.cli;

import static io.onlineuser.collector.cli.CliRun.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.onlineuser.testkit.FreePort;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.onlineuser.collector.api.OnlineUserCluster;
import io.onlineuser.collector.fake.FakeAgent;
import io.onlineuser.collector.fake.FakeConnector;
import io.onlineuser.collector.live.LiveCluster;
import io.onlineuser.collector.web.DashboardServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** CLI commands with {@code --via URL}: answered by a running serve's live index, same tables and exit statuses. */
class ViaServeTest {

    private final List<AutoCloseable> resources = new ArrayList<>();
    private FakeConnector two;
    private String via;

    @BeforeEach
    void start() throws Exception {
        resources.add(new FakeConnector("connector-1").login("alice").login("bob"));
        two = new FakeConnector("connector-2").login("bob").login("carol").login("dave").kickEnabled(true);
        resources.add(two);
        FakeAgent agent = new FakeAgent();
        resources.add(agent);
        OnlineUserCluster cluster = OnlineUserCluster.builder().target(agent.url()).timeout(Duration.ofSeconds(30)).build();
        resources.add(cluster);
        LiveCluster live = LiveCluster.builder(cluster).interval(Duration.ofMillis(100)).start();
        resources.add(live);
        assertThat(live.awaitFirstPoll(Duration.ofSeconds(60))).isTrue();
        DashboardServer server = new DashboardServer(live, "127.0.0.1", 0, 1000, 60_000, true);
        resources.add(server);
        server.start();
        via = server.url().toString();
    }

    @AfterEach
    void stop() throws Exception {
        for (int i = resources.size() - 1; i >= 0; i--) {
            resources.get(i).close();
        }
    }

    @Test
    void onlineFindAndLoginsAskServe() throws Exception {
        CliRun online = run("--via", via, "online");
        assertThat(online.status()).as(online.err()).isEqualTo(0);
        assertThat(online.out()).containsPattern("connector-2\\s+connector\\s+4\\s+3\\s+ok");
        assertThat(online.out()).containsPattern("total \\(2/2\\)\\s+7\\s+5");
        assertThat(online.out()).contains("bob on connector-1, connector-2").containsPattern("from the live index of http://\\S+, data age \\d+ ms");

        JsonNode json = new ObjectMapper().readTree(run("--via", via, "online", "--json").out());
        assertThat(json.at("/status/connector-1/state").asText()).isEqualTo("ok");

        CliRun find = run("--via", via, "find", "bob");
        assertThat(find.status()).isEqualTo(0);
        assertThat(find.out()).contains("bob is online on connector-1, connector-2").contains("duplicate login");
        assertThat(run("--via", via, "find", "zoe").status()).isEqualTo(1);

        CliRun logins = run("--via", via, "logins", "--server", "connector-2", "--limit", "2");
        assertThat(logins.status()).isEqualTo(0);
        assertThat(logins.out().lines().skip(1).toList()).hasSize(2).allMatch(line -> line.endsWith("connector-2"));
        assertThat(run("--via", via, "logins").out().lines().skip(1).toList()).hasSize(5);
    }

    @Test
    void kickGoesThroughServeWhereTheAgentAllowsIt() {
        CliRun kick = run("--via", via, "kick", "bob", "--reason", "test");
        assertThat(kick.out()).contains("connector-2: 1 session(s) closed");
        assertThat(kick.out()).contains("error: connector-1: serve at").contains("kick is off on connector-1");
        assertThat(kick.status()).isEqualTo(2);
        assertThat(two.users()).doesNotContainKey("bob");
    }

    @Test
    void aServeThatIsNotThereIsNamed() throws Exception {
        String nothing = "http://127.0.0.1:" + FreePort.pick() + "/";
        CliRun run = run("--via", nothing, "online");
        assertThat(run.status()).isEqualTo(2);
        assertThat(run.err()).contains("cannot reach serve at " + nothing);
    }
}
