package io.onlineuser.it;

import io.onlineuser.testkit.ConnectorProcess;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.onlineuser.sample.client.PomeloClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * How a fleet too big for one collector is watched: a real Prometheus, configured with the
 * shipped prometheus.yml and alerts.yml, scrapes three connectors' JMX exporters found through
 * file_sd; PromQL over its HTTP API must agree with the collector, which reads the agents over Jolokia.
 */
class PrometheusServerIT {

    /** Logged-in users per connector; every uid is distinct. */
    private static final Map<String, Integer> USERS = Map.of("connector-a", 3, "connector-b", 5, "connector-c", 2);

    private final List<ConnectorProcess> connectors = new ArrayList<>();
    private final List<PomeloClient> clients = new ArrayList<>();
    private PrometheusServer prometheus;

    @AfterEach
    void stop() throws InterruptedException {
        clients.forEach(PomeloClient::abort);
        connectors.forEach(ConnectorProcess::close);
        if (prometheus != null) {
            prometheus.close();
        }
    }

    @Test
    void promqlSumOfLoggedInUsersEqualsTheCollectorsTotal(@TempDir Path dir) throws Exception {
        Path discovery = Files.createDirectory(dir.resolve("discovery"));
        List<String> targets = new ArrayList<>();
        Map<String, PomeloClient> firstClientOf = new HashMap<>();
        for (String serverId : USERS.keySet().stream().sorted().toList()) {
            JmxExporterAgent exporter = new JmxExporterAgent();
            ConnectorProcess connector = AgentConnector.start(serverId, Map.of("discovery.dir", discovery.toString()),
                    List.of(exporter.javaagentArgument()));
            connectors.add(connector);
            targets.add(exporter.target());
            for (int i = 0; i < USERS.get(serverId); i++) {
                PomeloClient client = PomeloClient.connectTcp("127.0.0.1", connector.pomeloPort());
                clients.add(client);
                assertThat(client.login(serverId + "-user-" + i)).isEqualTo(200);
                firstClientOf.putIfAbsent(serverId, client);
            }
        }
        int total = USERS.values().stream().mapToInt(Integer::intValue).sum();
        CollectorCli collector = new CollectorCli(discovery);
        await("collector sees every connector").atMost(Duration.ofSeconds(60))
                .untilAsserted(() -> assertThat(collector.online().path("servers").size()).isEqualTo(USERS.size()));
        assertThat(collector.loggedInTotal()).as("logged-in users, collector's total").isEqualTo(total);

        prometheus = PrometheusServer.start(Files.createDirectory(dir.resolve("prometheus")), targets);
        await("Prometheus ready").atMost(Duration.ofSeconds(60)).until(prometheus::ready);
        await("three targets up and scraped").atMost(Duration.ofSeconds(60))
                .untilAsserted(() -> assertThat(prometheus.scalar("count(up{job=\"onlineuser\"} == 1)")).isEqualTo(3.0));
        await("PromQL total").atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(prometheus.scalar("sum(onlineuser_logged_in_users)")).isEqualTo((double) total));
        for (Map.Entry<String, Integer> e : USERS.entrySet()) {
            assertThat(prometheus.scalar("onlineuser_logged_in_users{server_id=\"" + e.getKey() + "\"}"))
                    .as("users on %s", e.getKey()).isEqualTo(e.getValue().doubleValue());
        }

        // the numbers follow the cluster: one player of connector-b logs out
        firstClientOf.get("connector-b").logout();
        await("collector sees the logout").atMost(Duration.ofSeconds(30)).until(() -> collector.loggedInTotal() == total - 1);
        await("PromQL sees the logout").atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(prometheus.scalar("sum(onlineuser_logged_in_users)")).isEqualTo((double) (total - 1));
            assertThat(prometheus.scalar("sum(onlineuser_logouts_total)")).isEqualTo(1.0);
        });

        JsonNode groups = prometheus.data("/api/v1/rules").path("groups");
        assertThat(groups).as("rule groups loaded from alerts.yml and recording.yml; log:\n%s", prometheus.log()).hasSize(2);
        groups.forEach(group -> assertThat(group.path("rules"))
                .allSatisfy(rule -> assertThat(rule.path("health").asText()).isEqualTo("ok")));
        assertThat(prometheus.query("ALERTS").path("result")).as("no alert on a healthy cluster").isEmpty();

        // a connector that stops reporting: up drops to 0 and the alert goes pending (it fires after 1 minute)
        ConnectorProcess crashed = connectors.get(2);
        crashed.kill();
        await("OnlineuserConnectorDown pending").atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            JsonNode alerts = prometheus.query("ALERTS{alertname=\"OnlineuserConnectorDown\"}").path("result");
            assertThat(alerts).singleElement().satisfies(a -> {
                assertThat(a.path("metric").path("alertstate").asText()).isEqualTo("pending");
                assertThat(a.path("metric").path("instance").asText()).isEqualTo(targets.get(2));
            });
        });
    }
}
