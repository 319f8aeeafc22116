package io.onlineuser.collector.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.onlineuser.testkit.FreePort;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.onlineuser.collector.api.LoginsSummary;
import io.onlineuser.collector.api.OnlineUserCluster;
import io.onlineuser.collector.live.LiveCluster;
import io.onlineuser.collector.live.LiveLookup;
import io.onlineuser.collector.live.LiveSnapshot;
import io.onlineuser.collector.live.LoginsQuery;
import io.onlineuser.collector.live.ServerStatus;
import io.onlineuser.collector.live.UserRow;
import io.onlineuser.sample.bots.Bots;
import io.onlineuser.sample.client.PomeloClient;
import io.onlineuser.testkit.ConnectorProcess;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Live mode against three real sample-server JVMs with the agent: the index must equal what the
 * agents hold after churn (bots, logins, logouts, kicks, a duplicate across servers, connections
 * closed without logout), after an agent restarts, with a 16-event journal that overflows all the
 * time, and when a connector is paused (SIGSTOP) or killed. "What the agents hold" is read by the
 * one-shot path (loginedList of every server), independent of the journal.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LiveClusterIT {

    private static final Duration PATIENCE = Duration.ofSeconds(90);
    private static final Duration GRACE = Duration.ofSeconds(4);

    private final List<AutoCloseable> resources = new ArrayList<>();
    private final ConnectorProcess[] connectors = new ConnectorProcess[3];
    private final int[] jolokiaPorts = new int[3];
    private Path discoveryDir;
    private OnlineUserCluster cluster;
    private LiveCluster live;

    @BeforeAll
    void startCluster() throws Exception {
        discoveryDir = Files.createTempDirectory("live-it-sd");
        for (int i = 0; i < 3; i++) {
            jolokiaPorts[i] = FreePort.pick();
            connectors[i] = start(i);
        }
        cluster = OnlineUserCluster.builder().discoveryDir(discoveryDir).timeout(Duration.ofMillis(2000)).build();
        resources.add(cluster);
        live = LiveCluster.builder(cluster).interval(Duration.ofMillis(200)).grace(GRACE).pageSize(50).start();
        resources.add(live);
    }

    @AfterAll
    void stopCluster() throws Exception {
        for (int i = resources.size() - 1; i >= 0; i--) {
            resources.get(i).close();
        }
        for (ConnectorProcess connector : connectors) {
            connector.close();
        }
    }

    @Test
    @Order(1)
    void indexEqualsTheAgentsAfterChurn() throws Exception {
        List<Bots> churn = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            churn.add(Bots.builder("127.0.0.1", connectors[i].pomeloPort()).connections(30).logins(30)
                    .churn(true).uidPrefix("churn" + (i + 1) + "-").start());
            Bots held = Bots.builder("127.0.0.1", connectors[i].pomeloPort()).connections(40).logins(35)
                    .uidPrefix("held" + (i + 1) + "-").start();
            resources.add(held);
        }
        PomeloClient twinOn1 = client(0);
        PomeloClient twinOn2 = client(1);
        assertThat(twinOn1.login("twin")).isEqualTo(200);
        assertThat(twinOn2.login("twin")).isEqualTo(200);
        for (int n = 0; n < 20; n++) {
            PomeloClient player = client(n % 3);
            assertThat(player.login("player" + n)).isEqualTo(200);
            if (n % 4 == 1) {
                player.logout();
            } else if (n % 4 == 2) {
                player.close(); // gone without a logout
            }
        }
        assertThat(cluster.kick("player3", "test").total()).isEqualTo(1);
        Thread.sleep(3000); // let the churn run across many polls (and overflow connector-3's 16-event journal)
        for (Bots bots : churn) {
            bots.close();
        }

        awaitIndexEqualsAgents();
        LiveSnapshot online = live.online();
        assertThat(online.duplicates()).containsEntry("twin", List.of("connector-1", "connector-2"));
        assertThat(online.servers()).containsOnlyKeys("connector-1", "connector-2", "connector-3");
        assertThat(live.isOnline("player0")).isTrue();
        assertThat(live.isOnline("player1")).as("logged out").isFalse();
        assertThat(live.isOnline("player2")).as("closed without logout").isFalse();
        assertThat(live.isOnline("player3")).as("kicked").isFalse();
        assertThat(live.servers().get("connector-3").resyncs()).as("the tiny journal overflowed").isGreaterThan(1);
    }

    @Test
    @Order(2)
    void anAgentRestartedMidRunIsListedAgain() throws Exception {
        int before = live.servers().get("connector-2").resyncs();
        connectors[1].kill();
        connectors[1] = start(1);
        Bots after = Bots.builder("127.0.0.1", connectors[1].pomeloPort()).connections(12).logins(12).uidPrefix("reborn-").start();
        resources.add(after);
        await().atMost(PATIENCE).ignoreExceptions().until(() -> connectorCount(1) >= 12);

        awaitIndexEqualsAgents();
        assertThat(live.servers().get("connector-2").resyncs()).isGreaterThan(before);
        assertThat(live.find("twin").servers()).containsExactly("connector-1");
        assertThat(live.find("reborn-3").servers()).containsExactly("connector-2");
    }

    @Test
    @Order(3)
    void aPausedConnectorGoesStaleThenLostAndComesBackExact() throws Exception {
        int heldOn1 = live.servers().get("connector-1").loginedCount();
        connectors[0].pause();
        try {
            await().atMost(PATIENCE).until(() -> ServerStatus.STALE.equals(live.servers().get("connector-1").state()));
            ServerStatus stale = live.servers().get("connector-1");
            assertThat(stale.failure()).startsWith("timed out");
            assertThat(live.online().totals().loginedCount()).as("still counted within the grace period")
                    .isEqualTo(heldOn1 + live.servers().get("connector-2").loginedCount() + live.servers().get("connector-3").loginedCount());

            await().atMost(PATIENCE).until(() -> ServerStatus.LOST.equals(live.servers().get("connector-1").state()));
            ServerStatus lost = live.servers().get("connector-1");
            assertThat(lost.ageMillis()).isGreaterThan(GRACE.toMillis());
            assertThat(live.online().servers()).doesNotContainKey("connector-1");
            assertThat(live.online().errors().get("connector-1")).startsWith("lost, last answer").contains("timed out");
            LiveLookup twin = live.find("twin");
            assertThat(twin.online()).isFalse();
            assertThat(twin.lastSeen()).extracting(s -> s.serverId()).containsExactly("connector-1");
        } finally {
            connectors[0].resume();
        }
        await().atMost(PATIENCE).until(() -> ServerStatus.OK.equals(live.servers().get("connector-1").state()));
        assertThat(live.servers().get("connector-1").lastResync()).isEqualTo("connector answered again");
        awaitIndexEqualsAgents();
        assertThat(live.find("twin").online()).isTrue();
    }

    @Test
    @Order(4)
    void aKilledConnectorIsNamedWithItsAge() {
        connectors[2].kill();
        await().atMost(PATIENCE).until(() -> ServerStatus.STALE.equals(live.servers().get("connector-3").state())
                || ServerStatus.LOST.equals(live.servers().get("connector-3").state()));
        // the poll in flight at the kill may see its connection reset; every later one is refused
        await().atMost(PATIENCE).until(() -> "connection refused".equals(live.servers().get("connector-3").failure()));
        await().atMost(PATIENCE).until(() -> ServerStatus.LOST.equals(live.servers().get("connector-3").state()));
        assertThat(live.online().servers()).containsOnlyKeys("connector-1", "connector-2");
        assertThat(live.logins(new LoginsQuery("connector-3", null, false, 0, 100)).rows()).isEmpty();
    }

    private ConnectorProcess start(int index) throws IOException {
        ConnectorProcess.Builder builder = ConnectorProcess.builder()
                .serverId("connector-" + (index + 1))
                .withAgent(true)
                .agentOption("jolokia.port", String.valueOf(jolokiaPorts[index]))
                .agentOption("discovery.dir", discoveryDir.toString())
                .jvmArg("-Xmx256m");
        if (index < 2) {
            builder.agentOption("kick.enabled", "true");
        } else {
            builder.agentOption("journal.size", "16");
        }
        ConnectorProcess connector = builder.start();
        return connector;
    }

    /** Per server, uid → session count, as the agent's own loginedList gives it, against the index. */
    private void awaitIndexEqualsAgents() {
        await().atMost(PATIENCE).untilAsserted(() -> {
            Map<String, Map<String, Integer>> agents = new TreeMap<>();
            LoginsSummary summary = cluster.logins(null, 0,
                    row -> agents.computeIfAbsent(row.serverId(), id -> new TreeMap<>()).put(row.uid(), row.sessionCount()));
            assertThat(summary.errors()).isEmpty();
            Map<String, Map<String, Integer>> index = new TreeMap<>();
            for (UserRow row : live.logins(new LoginsQuery(null, null, false, 0, LoginsQuery.MAX_LIMIT)).rows()) {
                index.computeIfAbsent(row.serverId(), id -> new TreeMap<>()).put(row.uid(), row.sessionCount());
            }
            assertThat(index).isEqualTo(agents);
        });
    }

    private int connectorCount(int index) {
        return cluster.online().servers().get("connector-" + (index + 1)).loginedCount();
    }

    private PomeloClient client(int index) throws IOException {
        PomeloClient client = PomeloClient.connectTcp("127.0.0.1", connectors[index].pomeloPort());
        resources.add(client);
        return client;
    }
}
