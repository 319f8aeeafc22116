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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The JSON API over HTTP, and the page in a real headless browser. */
class DashboardServerTest {

    private final List<AutoCloseable> resources = new ArrayList<>();
    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();
    private URI base;

    @BeforeEach
    void start() throws Exception {
        resources.add(new FakeConnector("connector-1").login("alice").login("bob"));
        resources.add(new FakeConnector("connector-2").login("bob").login("carol"));
        FakeAgent agent = new FakeAgent();
        resources.add(agent);
        OnlineUserCluster cluster = OnlineUserCluster.builder().target(agent.url()).timeout(Duration.ofSeconds(30)).build();
        resources.add(cluster);
        DashboardServer server = new DashboardServer(cluster, "127.0.0.1", 0, 200, 60_000);
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
    void apiAnswersOnlineUsersLoginsAndHistory() throws Exception {
        JsonNode online = get("api/online");
        assertThat(online.at("/totals/loginedCount").asInt()).isEqualTo(4);
        assertThat(online.at("/duplicates/bob").toString()).isEqualTo("[\"connector-1\",\"connector-2\"]");

        JsonNode bob = get("api/users/bob");
        assertThat(bob.path("online").asBoolean()).isTrue();
        assertThat(bob.path("servers").toString()).isEqualTo("[\"connector-1\",\"connector-2\"]");
        assertThat(bob.path("sessions")).hasSize(2);
        assertThat(get("api/users/nobody").path("sessions")).isEmpty();

        JsonNode logins = get("api/logins?server=connector-2&limit=10");
        assertThat(logins.path("rows").asInt()).isEqualTo(2);
        assertThat(logins.path("logins").get(0).path("uid").asText()).isEqualTo("bob");

        await().atMost(Duration.ofSeconds(30)).until(() -> get("api/history").path("points").size() >= 2);
    }

    @Test
    void badRequestsGetClearErrors() throws Exception {
        HttpResponse<String> badLimit = send("api/logins?limit=abc");
        assertThat(badLimit.statusCode()).isEqualTo(400);
        assertThat(badLimit.body()).contains("limit must be a number");
        assertThat(send("api/nothing").statusCode()).isEqualTo(404);
    }

    @Test
    void browserShowsTotalsChartAndSearchResult() throws Exception {
        await().atMost(Duration.ofSeconds(30)).until(() -> get("api/history").path("points").size() >= 2);

        String dom = HeadlessChromium.dumpDom(base + "?uid=bob");

        assertThat(dom).containsPattern("id=\"total-logined\"[^>]*>4<");
        assertThat(dom).containsPattern("id=\"servers-ok\"[^>]*>2/2<");
        assertThat(dom).contains("<polyline").contains("now: 4 logged in");
        assertThat(dom).contains("bob is online on connector-1, connector-2");
        assertThat(dom).contains("<td>connector-2</td>");
    }

    private JsonNode get(String path) throws IOException, InterruptedException {
        HttpResponse<String> response = send(path);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json.readTree(response.body());
    }

    private HttpResponse<String> send(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(base.resolve(path)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
