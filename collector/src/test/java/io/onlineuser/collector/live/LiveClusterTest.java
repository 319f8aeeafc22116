package io.onlineuser.collector.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import io.onlineuser.collector.api.OnlineUserCluster;
import io.onlineuser.collector.fake.FakeAgent;
import io.onlineuser.collector.fake.FakeConnector;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Live mode against a real Jolokia in front of stand-in MBeans that keep the list-then-watch contract. */
class LiveClusterTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    private final List<AutoCloseable> resources = new ArrayList<>();
    private FakeConnector one;
    private FakeConnector two;
    private FakeAgent agent;
    private OnlineUserCluster cluster;

    @BeforeEach
    void start() throws Exception {
        one = new FakeConnector("live-1").login("alice").login("bob").loginMany("p", 30);
        two = new FakeConnector("live-2").login("bob").loginMany("q", 20).kickEnabled(true);
        resources.add(one);
        resources.add(two);
        agent = new FakeAgent();
        resources.add(agent);
        cluster = OnlineUserCluster.builder().target(agent.url()).timeout(Duration.ofSeconds(5)).build();
        resources.add(cluster);
    }

    @AfterEach
    void stop() throws Exception {
        Exception first = null;
        for (int i = resources.size() - 1; i >= 0; i--) {
            try {
                resources.get(i).close();
            } catch (Exception e) {
                first = first == null ? e : first;
            }
        }
        if (first != null) {
            throw first;
        }
    }

    private LiveCluster live(Duration grace) throws InterruptedException {
        LiveCluster live = LiveCluster.builder(cluster).interval(Duration.ofMillis(100)).grace(grace).pageSize(7).start();
        resources.add(live);
        assertThat(live.awaitFirstPoll(PATIENCE)).isTrue();
        return live;
    }

    @Test
    void listsEveryServerThenAnswersFromMemory() throws Exception {
        LiveCluster live = live(Duration.ofSeconds(10));
        awaitExact(live);

        LiveSnapshot online = live.online();
        assertThat(online.totals().loginedCount()).isEqualTo(53);
        assertThat(online.totals().servers()).isEqualTo(2);
        assertThat(online.duplicates()).containsOnlyKeys("bob");
        assertThat(online.duplicates().get("bob")).containsExactly("live-1", "live-2");
        assertThat(online.status().get("live-1").state()).isEqualTo(ServerStatus.OK);
        assertThat(online.status().get("live-1").kickEnabled()).isFalse();
        assertThat(online.status().get("live-2").kickEnabled()).isTrue();

        LiveLookup bob = live.find("bob");
        assertThat(bob.online()).isTrue();
        assertThat(bob.servers()).containsExactly("live-1", "live-2");
        assertThat(bob.sessions()).extracting(s -> s.address()).allMatch(a -> a.startsWith("10.0.0.1:"));
        assertThat(live.isOnline("q7")).isTrue();
        assertThat(live.isOnline("nobody")).isFalse();
        assertThat(live.find("nobody").sessions()).isEmpty();
    }

    @Test
    void pagesFiltersAndSortsTheUsersTable() throws Exception {
        LiveCluster live = live(Duration.ofSeconds(10));
        awaitExact(live);

        LoginsPage first = live.logins(new LoginsQuery(null, null, false, 0, 10));
        assertThat(first.total()).isEqualTo(53);
        assertThat(first.rows()).hasSize(10);
        assertThat(first.rows()).extracting(UserRow::loginTime).isSorted();
        LoginsPage last = live.logins(new LoginsQuery(null, null, false, 50, 10));
        assertThat(last.rows()).hasSize(3);
        LoginsPage newest = live.logins(new LoginsQuery(null, null, true, 0, 53));
        assertThat(newest.rows()).extracting(UserRow::loginTime).isSortedAccordingTo((a, b) -> Long.compare(b, a));

        LoginsPage q = live.logins(new LoginsQuery("live-2", "q1", false, 0, 100));
        assertThat(q.total()).isEqualTo(11);
        assertThat(q.rows()).extracting(UserRow::uid).allMatch(uid -> uid.startsWith("q1")).hasSize(11);
        assertThat(live.logins(new LoginsQuery(null, "bob", false, 0, 10)).rows())
                .extracting(UserRow::serverId, UserRow::duplicate)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("live-1", true), org.assertj.core.groups.Tuple.tuple("live-2", true));
        assertThatThrownBy(() -> new LoginsQuery(null, null, false, -1, 10)).hasMessageContaining("offset");
        assertThatThrownBy(() -> new LoginsQuery(null, null, false, 0, 0)).hasMessageContaining("limit must be 1..10000");
    }

    @Test
    void followsLoginsAndLogoutsThenResyncsOnRestartAndOnJournalOverflow() throws Exception {
        LiveCluster live = live(Duration.ofSeconds(10));
        awaitExact(live);

        for (int i = 0; i < 40; i++) {
            one.login("churn" + i);
            if (i % 3 == 0) {
                one.logout("churn" + (i / 2));
            }
        }
        two.logout("bob").login("zed");
        awaitExact(live);
        assertThat(live.online().duplicates()).isEmpty();
        int listingsBefore = live.servers().get("live-1").resyncs();

        one.restart().login("after-restart");
        awaitExact(live);
        assertThat(live.servers().get("live-1").resyncs()).isGreaterThan(listingsBefore);
        assertThat(live.servers().get("live-1").lastResync()).isEqualTo("agent restarted");

        int listingsBeforeOverflow = live.servers().get("live-2").resyncs();
        two.journalSize(5).burst(() -> {
            for (int i = 0; i < 30; i++) {
                two.login("burst" + i);
            }
            two.logout("q3");
        });
        awaitExact(live);
        assertThat(live.servers().get("live-2").resyncs()).isGreaterThan(listingsBeforeOverflow);
        assertThat(live.servers().get("live-2").lastResync()).isEqualTo("gap in the journal");
    }

    @Test
    void countsFollowLoginsAtTheNextPollAndOtherConnectionsWithinTheCountsInterval() throws Exception {
        LiveCluster rarely = LiveCluster.builder(cluster).interval(Duration.ofMillis(100)).countsInterval(Duration.ofHours(1)).start();
        resources.add(rarely);
        awaitExact(rarely);
        one.login("newcomer");
        await().atMost(PATIENCE).until(() -> rarely.online().servers().get("live-1").totalConnCount() == 34);

        LiveCluster often = LiveCluster.builder(cluster).interval(Duration.ofMillis(100)).countsInterval(Duration.ofMillis(500)).start();
        resources.add(often);
        awaitExact(often);
        one.notLoggedIn(5);
        await().atMost(PATIENCE).until(() -> often.online().servers().get("live-1").totalConnCount() == 38);
        assertThat(often.online().totals().loginedCount()).isEqualTo(54);
    }

    @Test
    void aSilentConnectorGoesStaleThenItsUsersAreOnlyLastSeen() throws Exception {
        LiveCluster live = live(Duration.ofMillis(1500));
        awaitExact(live);

        resources.remove(agent);
        agent.close();

        await().atMost(PATIENCE).until(() -> ServerStatus.STALE.equals(live.servers().get("live-1").state()));
        LiveSnapshot stale = live.online();
        assertThat(stale.totals().loginedCount()).as("still counted within the grace period").isEqualTo(53);
        assertThat(stale.errors().values()).anyMatch(why -> why.startsWith("stale, last answer"));
        await().atMost(PATIENCE).until(() -> String.valueOf(live.servers().get("live-1").failure()).contains("connection refused"));

        await().atMost(PATIENCE).until(() -> ServerStatus.LOST.equals(live.servers().get("live-1").state()));
        LiveSnapshot lost = live.online();
        assertThat(lost.totals().loginedCount()).isZero();
        assertThat(lost.servers()).isEmpty();
        assertThat(lost.status().get("live-1").ageMillis()).isGreaterThan(1500);
        LiveLookup alice = live.find("alice");
        assertThat(alice.online()).isFalse();
        assertThat(alice.lastSeen()).extracting(s -> s.serverId()).containsExactly("live-1");
        assertThat(live.isOnline("alice")).isFalse();
        assertThat(live.logins(LoginsQuery.first(100)).rows()).isEmpty();
    }

    @Test
    void aServerThatVanishesLeavesTheIndex() throws Exception {
        LiveCluster live = live(Duration.ofSeconds(10));
        awaitExact(live);
        resources.remove(two);
        two.close();
        await().atMost(PATIENCE).until(() -> !live.servers().containsKey("live-2"));
        assertThat(live.find("q1").online()).isFalse();
        assertThat(live.find("bob").servers()).containsExactly("live-1");
        assertThat(live.online().duplicates()).isEmpty();
    }

    @Test
    void badOptionsAreRefusedWithTheReason() {
        assertThatThrownBy(() -> LiveCluster.builder(cluster).interval(Duration.ZERO)).hasMessageContaining("interval must be positive");
        assertThatThrownBy(() -> LiveCluster.builder(cluster).pageSize(10_001)).hasMessageContaining("page size must be 1..10000");
        assertThatThrownBy(() -> LiveCluster.builder(cluster).grace(Duration.ofSeconds(-1))).hasMessageContaining("grace must be 0 or more");
        assertThatThrownBy(() -> LiveCluster.builder(cluster).countsInterval(Duration.ofSeconds(-1)))
                .hasMessageContaining("counts interval must be 0 or more");
    }

    /** Waits until the index holds exactly the fakes' users, server by server. */
    private void awaitExact(LiveCluster live) {
        await().atMost(PATIENCE).untilAsserted(() -> {
            for (FakeConnector fake : List.of(one, two)) {
                String id = fake.getServerId();
                Set<String> indexed = live.logins(new LoginsQuery(id, null, false, 0, 10_000)).rows().stream()
                        .map(UserRow::uid).collect(Collectors.toCollection(TreeSet::new));
                assertThat(indexed).as(id).isEqualTo(new TreeSet<>(fake.users().keySet()));
                assertThat(live.servers().get(id).loginedCount()).isEqualTo(fake.users().size());
            }
        });
    }
}
