package io.onlineuser.collector.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.onlineuser.collector.fake.FakeAgent;
import io.onlineuser.collector.fake.FakeConnector;
import io.onlineuser.collector.fake.LoginRow;
import io.onlineuser.collector.fake.SilentTarget;
import io.onlineuser.collector.jolokia.ConnectorTarget;
import io.onlineuser.collector.model.LoginEntry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The library over a real Jolokia (stand-in MBeans for two server ids in one JVM), plus a silent
 * socket and a closed port as broken connectors. The agent-backed version of these checks is CollectorIT.
 */
class OnlineUserClusterTest {

    private final List<AutoCloseable> resources = new ArrayList<>();
    private FakeAgent agent;
    private FakeConnector one;
    private FakeConnector two;

    @BeforeEach
    void startAgent() throws Exception {
        one = new FakeConnector("connector-1").login("alice").login("bob").loginMany("p", 5);
        two = new FakeConnector("connector-2").login("bob").loginMany("q", 3);
        agent = new FakeAgent();
        resources.add(agent);
        resources.add(one);
        resources.add(two);
    }

    @AfterEach
    void stopAll() throws Exception {
        for (int i = resources.size() - 1; i >= 0; i--) {
            resources.get(i).close();
        }
    }

    @Test
    void onlineSumsEveryServerAndNamesTheBrokenOnes() throws IOException {
        String silent = silentSocket();
        String refused = closedPort();
        try (OnlineUserCluster cluster = cluster(Duration.ofMillis(1500), agent.url(), silent, refused)) {
            ClusterSnapshot snapshot = cluster.online(true);

            assertThat(snapshot.servers()).containsOnlyKeys("connector-1", "connector-2");
            assertThat(snapshot.servers().get("connector-1").loginedCount()).isEqualTo(7);
            assertThat(snapshot.totals().loginedCount()).isEqualTo(11);
            assertThat(snapshot.totals().totalConnCount()).isEqualTo(13);
            assertThat(snapshot.totals().failed()).isEqualTo(2);
            assertThat(snapshot.errors()).containsOnlyKeys(silent, refused);
            assertThat(snapshot.errors().get(silent)).startsWith("timed out");
            assertThat(snapshot.errors().get(refused)).isEqualTo("connection refused");
            assertThat(snapshot.duplicates()).containsOnlyKeys("bob");
            assertThat(snapshot.duplicates().get("bob")).containsExactly("connector-1", "connector-2");
            assertThat(snapshot.complete()).isFalse();
        }
    }

    @Test
    void loginsListsTheServersThatAnswerAndNamesTheOthers() throws IOException {
        String silent = silentSocket();
        String refused = closedPort();
        try (OnlineUserCluster cluster = OnlineUserCluster.builder().target(agent.url()).target(silent).target(refused)
                .pageSize(2).timeout(Duration.ofMillis(1500)).build()) {
            List<LoginEntry> rows = new ArrayList<>();
            LoginsSummary listed = cluster.logins(null, 0, rows::add);

            assertThat(listed.rows()).isEqualTo(11);
            assertThat(rows).hasSize(11);
            assertThat(listed.errors()).containsOnlyKeys(silent, refused);
            assertThat(listed.errors().get(silent)).startsWith("timed out");
            assertThat(listed.errors().get(refused)).isEqualTo("connection refused");
        }
    }

    @Test
    void findListsEverySessionAcrossServers() {
        try (OnlineUserCluster cluster = cluster(Duration.ofSeconds(30), agent.url())) {
            UserLookup bob = cluster.find("bob");
            assertThat(bob.online()).isTrue();
            assertThat(bob.serverIds()).containsExactly("connector-1", "connector-2");
            assertThat(bob.sessions()).allSatisfy(s -> assertThat(s.uid()).isEqualTo("bob"));

            assertThat(cluster.isOnline("alice")).isTrue();
            assertThat(cluster.find("nobody").online()).isFalse();
            assertThat(cluster.find("nobody").errors()).isEmpty();
        }
    }

    @Test
    void loginsStreamsPageByPageInServerOrderAndHonoursTheLimit() {
        try (OnlineUserCluster cluster = OnlineUserCluster.builder().target(agent.url()).pageSize(3)
                .timeout(Duration.ofSeconds(30)).build()) {
            List<LoginEntry> rows = new CopyOnWriteArrayList<>();
            LoginsSummary all = cluster.logins(null, 0, rows::add);

            assertThat(all.rows()).isEqualTo(11);
            assertThat(all.errors()).isEmpty();
            // pages are fetched in parallel, yet rows arrive server by server in id order, each list in the agent's order
            List<String> expected = new ArrayList<>();
            one.loginedList(0, 100).forEach(row -> expected.add("connector-1/" + row.getUid()));
            two.loginedList(0, 100).forEach(row -> expected.add("connector-2/" + row.getUid()));
            assertThat(rows).extracting(row -> row.serverId() + "/" + row.uid()).containsExactlyElementsOf(expected);

            List<LoginEntry> firstFive = new ArrayList<>();
            assertThat(cluster.logins(null, 5, firstFive::add).rows()).isEqualTo(5);
            assertThat(firstFive).extracting(LoginEntry::uid).containsExactlyElementsOf(
                    one.loginedList(0, 5).stream().map(LoginRow::getUid).toList());

            List<LoginEntry> limited = new ArrayList<>();
            assertThat(cluster.logins("connector-2", 2, limited::add).rows()).isEqualTo(2);
            assertThat(limited).extracting(LoginEntry::serverId).containsOnly("connector-2");

            assertThat(cluster.logins("connector-9", 0, e -> { }).errors()).containsKey("connector-9");
        }
    }

    @Test
    void kickClosesSessionsEverywhere() {
        try (OnlineUserCluster cluster = cluster(Duration.ofSeconds(30), agent.url())) {
            KickResult result = cluster.kick("bob", "test");

            assertThat(result.kicked()).containsEntry("connector-1", 1).containsEntry("connector-2", 1);
            assertThat(result.total()).isEqualTo(2);
            assertThat(cluster.isOnline("bob")).isFalse();
        }
    }

    @Test
    void aDiscoveryNameThatDoesNotMatchTheMBeanNameFallsBackToThePatternRead() {
        // the stand-in MBeans quote the id ("connector-1"), the guess from the discovery label does not
        ConnectorTarget named = new ConnectorTarget(URI.create(agent.url()), "connector-1", null, null);
        try (OnlineUserCluster cluster = OnlineUserCluster.builder().target(named).timeout(Duration.ofSeconds(30)).build()) {
            UserLookup bob = cluster.find("bob");

            assertThat(bob.errors()).isEmpty();
            assertThat(bob.serverIds()).containsExactly("connector-1", "connector-2");
        }
    }

    @Test
    void kickRefusedByTheAgentPolicySaysHowToEnableIt() throws IOException {
        FakeAgent readOnly = FakeAgent.withPolicy("collector-test-no-kick.xml");
        resources.add(readOnly);
        try (OnlineUserCluster cluster = cluster(Duration.ofSeconds(30), readOnly.url())) {
            KickResult result = cluster.kick("bob", "test");

            assertThat(result.kicked()).isEmpty();
            assertThat(result.errors()).containsOnlyKeys("connector-1,connector-2");
            assertThat(result.errors().get("connector-1,connector-2")).contains("kick.enabled=true");
            assertThat(cluster.isOnline("bob")).isTrue();
        }
    }

    @Test
    void aServerThatRestartsUnderAnotherIdIsFoundAgain() throws Exception {
        try (OnlineUserCluster cluster = cluster(Duration.ofSeconds(30), agent.url())) {
            assertThat(cluster.online().servers()).containsKey("connector-2");
            two.close();
            resources.remove(two);
            FakeConnector renamed = new FakeConnector("connector-2b").login("carol");
            resources.add(renamed);

            List<LoginEntry> rows = new ArrayList<>();
            LoginsSummary listed = cluster.logins(null, 0, rows::add);
            assertThat(listed.errors()).isEmpty();
            assertThat(rows).extracting(LoginEntry::serverId).containsOnly("connector-1", "connector-2b");
            assertThat(rows).extracting(LoginEntry::uid).contains("carol");

            assertThat(cluster.find("carol").serverIds()).containsExactly("connector-2b");
            assertThat(cluster.online().servers()).containsOnlyKeys("connector-1", "connector-2b");
        }
    }

    @Test
    void credentialsOpenAProtectedAgentAndTheirAbsenceIsNamed() throws IOException {
        FakeAgent locked = new FakeAgent("ops", "s3cret");
        resources.add(locked);
        try (OnlineUserCluster anonymous = cluster(Duration.ofSeconds(30), locked.url());
             OnlineUserCluster withLogin = OnlineUserCluster.builder().target(locked.url()).credentials("ops", "s3cret")
                     .timeout(Duration.ofSeconds(30)).build()) {
            assertThat(anonymous.online().errors().get(locked.url())).startsWith("HTTP 401 unauthorized");
            assertThat(withLogin.online().totals().loginedCount()).isEqualTo(11);
        }
    }

    @Test
    void twoAgentsClaimingOneServerIdAreCountedOnceAndNamed() throws IOException {
        FakeAgent second = new FakeAgent();
        resources.add(second);
        try (OnlineUserCluster cluster = cluster(Duration.ofSeconds(30), agent.url(), second.url())) {
            ClusterSnapshot snapshot = cluster.online();

            assertThat(snapshot.totals().loginedCount()).isEqualTo(11);
            assertThat(snapshot.errors()).hasSize(2);
            assertThat(snapshot.errors().values()).allSatisfy(why -> assertThat(why).contains("also answered at"));

            List<LoginEntry> rows = new ArrayList<>();
            LoginsSummary listed = cluster.logins(null, 0, rows::add);
            assertThat(listed.rows()).isEqualTo(11);
            assertThat(rows).hasSize(11);
            assertThat(listed.errors()).hasSize(2);
            assertThat(listed.errors().values()).allSatisfy(why -> assertThat(why).contains("also answered at"));
        }
    }

    @Test
    void builderRefusesNothingToAskAndBadValues() {
        assertThatThrownBy(() -> OnlineUserCluster.builder().build()).hasMessageContaining("no connectors to ask");
        assertThatThrownBy(() -> OnlineUserCluster.builder().timeout(Duration.ZERO)).hasMessageContaining("timeout");
        assertThatThrownBy(() -> OnlineUserCluster.builder().target("ftp://x/")).hasMessageContaining("http");
    }

    private static OnlineUserCluster cluster(Duration timeout, String... urls) {
        OnlineUserCluster.Builder builder = OnlineUserCluster.builder().timeout(timeout);
        for (String url : urls) {
            builder.target(url);
        }
        return builder.build();
    }

    private String silentSocket() throws IOException {
        SilentTarget silent = SilentTarget.start();
        resources.add(silent);
        return silent.url();
    }

    private static String closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return "http://127.0.0.1:" + socket.getLocalPort() + "/jolokia";
        }
    }
}
