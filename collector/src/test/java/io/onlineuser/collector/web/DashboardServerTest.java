package io.onlineuser.collector.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.onlineuser.collector.api.OnlineUserCluster;
import io.onlineuser.collector.fake.FakeAgent;
import io.onlineuser.collector.fake.FakeConnector;
import io.onlineuser.collector.live.LiveCluster;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** serve's JSON API over HTTP from the live index, and the page in a real headless browser, clicked as a user would. */
class DashboardServerTest {

    private static final Duration PATIENCE = Duration.ofSeconds(60);

    private final List<AutoCloseable> resources = new ArrayList<>();
    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();
    private FakeConnector kickOff;
    private FakeConnector kickOn;
    private URI base;

    @BeforeEach
    void start() throws Exception {
        kickOff = new FakeConnector("connector-1").login("alice").login("bob").loginMany("p", 120);
        kickOn = new FakeConnector("connector-2").login("bob").login("carol").kickEnabled(true);
        resources.add(kickOff);
        resources.add(kickOn);
        FakeAgent agent = new FakeAgent();
        resources.add(agent);
        OnlineUserCluster cluster = OnlineUserCluster.builder().target(agent.url()).timeout(Duration.ofSeconds(30)).build();
        resources.add(cluster);
        LiveCluster live = LiveCluster.builder(cluster).interval(Duration.ofMillis(100)).start();
        resources.add(live);
        assertThat(live.awaitFirstPoll(PATIENCE)).isTrue();
        DashboardServer server = new DashboardServer(live, "127.0.0.1", 0, 200, 60_000, true);
        resources.add(server);
        server.start();
        base = server.url();
    }

    @AfterEach
    void stop() throws Exception {
        for (int i = resources.size() - 1; i >= 0; i--) {
            resources.get(i).close();
        }
    }

    @Test
    void apiAnswersFromTheLiveIndex() throws Exception {
        JsonNode online = get("api/online");
        assertThat(online.at("/totals/loginedCount").asInt()).isEqualTo(124);
        assertThat(online.at("/duplicates/bob").toString()).isEqualTo("[\"connector-1\",\"connector-2\"]");
        assertThat(online.at("/status/connector-2/state").asText()).isEqualTo("ok");
        assertThat(online.at("/status/connector-2/kickEnabled").asBoolean()).isTrue();
        assertThat(online.at("/status/connector-1/kickEnabled").asBoolean()).isFalse();
        assertThat(online.has("ageMillis")).isTrue();

        JsonNode bob = get("api/users/bob");
        assertThat(bob.path("online").asBoolean()).isTrue();
        assertThat(bob.path("servers").toString()).isEqualTo("[\"connector-1\",\"connector-2\"]");
        assertThat(bob.path("sessions")).hasSize(2);
        assertThat(get("api/users/nobody").path("online").asBoolean()).isFalse();

        JsonNode page = get("api/logins?offset=100&limit=50");
        assertThat(page.path("total").asInt()).isEqualTo(124);
        assertThat(page.path("rows").asInt()).isEqualTo(24);
        JsonNode p1 = get("api/logins?server=connector-1&prefix=p1&order=newest&limit=5");
        assertThat(p1.path("total").asInt()).isEqualTo(31);
        assertThat(p1.path("logins").get(0).path("uid").asText()).isEqualTo("p119");
        assertThat(get("api/logins?prefix=bob").path("logins").findValues("duplicate")).allMatch(JsonNode::asBoolean);
        assertThat(get("api/duplicates").path("bob")).hasSize(2);
        assertThat(get("api/servers").path("kickAllowed").asBoolean()).isTrue();
        await().atMost(PATIENCE).until(() -> get("api/history").path("points").size() >= 2);
    }

    @Test
    void kickOnlyWhereTheAgentAllowsItAndOnlyFromThePage() throws Exception {
        HttpResponse<String> refused = post("api/kick?server=connector-1&uid=alice", true);
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.body()).contains("kick is off on connector-1");
        HttpResponse<String> crossSite = post("api/kick?server=connector-2&uid=carol", false);
        assertThat(crossSite.statusCode()).isEqualTo(403);
        assertThat(kickOn.users()).containsKey("carol");

        HttpResponse<String> kicked = post("api/kick?server=connector-2&uid=carol", true);
        assertThat(kicked.statusCode()).as(kicked.body()).isEqualTo(200);
        assertThat(json.readTree(kicked.body()).path("total").asInt()).isEqualTo(1);
        assertThat(kickOn.users()).doesNotContainKey("carol");
        await().atMost(PATIENCE).until(() -> !get("api/users/carol").path("online").asBoolean());
    }

    @Test
    void badRequestsGetClearErrors() throws Exception {
        assertThat(send("api/logins?limit=abc")).satisfies(r -> {
            assertThat(r.statusCode()).isEqualTo(400);
            assertThat(r.body()).contains("limit must be a number");
        });
        assertThat(send("api/logins?limit=20000").body()).contains("limit must be 1..10000");
        assertThat(send("api/logins?order=sideways").body()).contains("order must be oldest or newest");
        assertThat(send("api/nothing").statusCode()).isEqualTo(404);
    }

    @Test
    void browserPagesSearchesFlagsDuplicatesAndKicksOnlyWhereAllowed() throws Exception {
        try (DevToolsBrowser browser = DevToolsBrowser.start()) {
            browser.open(base.toString());
            browser.awaitText("#page-info", "1–50 of 124");
            browser.awaitText("#total-logined", "124");
            browser.awaitText("#status-line", "connector-2: ok, data");
            browser.awaitText("#duplicates", "bob on connector-1, connector-2");

            browser.click("#next");
            browser.awaitText("#page-info", "51–100 of 124");
            browser.click("#next");
            browser.awaitText("#page-info", "101–124 of 124");
            assertThat(browser.eval("document.querySelector('#next').disabled").asBoolean()).isTrue();

            browser.type("#uid", "bob");
            browser.click("#search button");
            browser.awaitText("#page-info", "1–2 of 2");
            assertThat(browser.eval("document.querySelectorAll('#users .dup').length").asInt()).isEqualTo(2);
            assertThat(browser.eval("[...document.querySelectorAll('#users tr')].filter(r => r.querySelector('button.kick'))"
                    + ".map(r => r.children[0].innerText).join(',')").asText()).isEqualTo("connector-2");

            browser.type("#uid", "");
            browser.click("#search button");
            browser.awaitText("#page-info", "1–50 of 124");
            assertThat(browser.eval("[...document.querySelectorAll('#users tr')].every(r => "
                    + "!!r.querySelector('button.kick') === (r.children[0].innerText === 'connector-2'))").asBoolean()).isTrue();

            browser.eval("[...document.querySelectorAll('#users tr')].find(r => r.dataset.uid === 'carol').querySelector('button.kick').click()");
            browser.awaitText("#kick-result", "kicked carol from connector-2: 1 session(s) closed");
            assertThat(browser.dialogsAccepted()).isEqualTo(1);
            assertThat(kickOn.users()).doesNotContainKey("carol");
            browser.awaitText("#page-info", "of 123");
        }
    }

    private JsonNode get(String path) throws IOException, InterruptedException {
        HttpResponse<String> response = send(path);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json.readTree(response.body());
    }

    private HttpResponse<String> send(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(base.resolve(path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, boolean fromThePage) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).POST(HttpRequest.BodyPublishers.noBody());
        if (fromThePage) {
            request.header(DashboardServer.KICK_HEADER, "test");
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
