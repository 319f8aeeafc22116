package io.onlineuser.it;

import io.onlineuser.testkit.ConnectorProcess;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.onlineuser.sample.client.PomeloClient;
import io.onlineuser.testkit.JolokiaHttp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The shipped {@code examples/prometheus/jmx-exporter.yaml} in the real
 * {@code jmx_prometheus_javaagent-1.0.1} beside our agent in a real sample-server: what a
 * Prometheus scrape returns after real clients connect, log in, log out, leave and get kicked.
 */
class JmxExporterIT {

    private static final String SERVER_ID = "connector-prom-1";
    private static final List<String> UIDS = List.of("player-alpha", "player-bravo", "player-charlie");

    private final List<PomeloClient> clients = new ArrayList<>();
    private ConnectorProcess connector;

    @AfterEach
    void stop() {
        clients.forEach(PomeloClient::abort);
        if (connector != null) {
            connector.close();
        }
    }

    @Test
    void everyMetricOfTheShippedConfigHasTheAgentsValueAndNoUid() throws Exception {
        JmxExporterAgent exporter = new JmxExporterAgent();
        connector = AgentConnector.start(SERVER_ID, Map.of("kick.enabled", "true"), List.of(exporter.javaagentArgument()));
        JolokiaHttp jolokia = new JolokiaHttp(connector.jolokiaUrl());
        String statsBean = OnlineuserMetric.CONNECTION_STATS + SERVER_ID;

        for (int i = 0; i < 5; i++) {
            clients.add(PomeloClient.connectTcp("127.0.0.1", connector.pomeloPort()));
        }
        for (int i = 0; i < UIDS.size(); i++) {
            assertThat(clients.get(i).login(UIDS.get(i))).as("login of %s", UIDS.get(i)).isEqualTo(200);
        }
        clients.get(2).logout();
        clients.get(4).close();
        assertThat(jolokia.exec("onlineuser:type=Session,serverId=" + SERVER_ID, "kick", "player-bravo", "maintenance").asInt())
                .as("sessions kicked").isEqualTo(1);
        assertThat(clients.get(1).awaitKick(Duration.ofSeconds(30))).contains("maintenance");

        // quiet now: alpha logged in, charlie logged out but connected, client 3 never logged in,
        // bravo kicked (its close unbinds it: a logout too) and client 4 closed before logging in
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(jolokia.read(statsBean, "TotalConnCount").asInt()).isEqualTo(3);
            assertThat(jolokia.read(statsBean, "ClosedConnTotal").asLong()).isEqualTo(2);
            assertThat(jolokia.read(statsBean, "LoginedCount").asInt()).isEqualTo(1);
        });

        PrometheusText metrics = exporter.scrape();
        Map<OnlineuserMetric, Double> expected = Map.ofEntries(
                Map.entry(OnlineuserMetric.CONNECTIONS, 3.0),
                Map.entry(OnlineuserMetric.LOGGED_IN_USERS, 1.0),
                Map.entry(OnlineuserMetric.SESSIONS, 1.0),
                Map.entry(OnlineuserMetric.CONNECTIONS_PEAK, 5.0),
                Map.entry(OnlineuserMetric.LOGGED_IN_USERS_PEAK, 3.0),
                Map.entry(OnlineuserMetric.CONNECTIONS_ACCEPTED, 5.0),
                Map.entry(OnlineuserMetric.CONNECTIONS_CLOSED, 2.0),
                Map.entry(OnlineuserMetric.LOGINS, 3.0),
                Map.entry(OnlineuserMetric.LOGOUTS, 2.0),
                Map.entry(OnlineuserMetric.KICKS, 1.0));
        for (OnlineuserMetric metric : OnlineuserMetric.values()) {
            String name = metric.metricName();
            double agentValue = jolokia.read(statsBean, metric.attribute()).asDouble();
            assertThat(metrics.value(name, SERVER_ID)).as("%s{server_id=%s} in\n%s", name, SERVER_ID, metrics.text())
                    .contains(agentValue);
            assertThat(agentValue).as("%s after the scripted session", metric.attribute()).isEqualTo(expected.get(metric));
            assertThat(metrics.type(name)).as("TYPE of %s", name).contains(metric.prometheusType());
            assertThat(metrics.help(name)).as("HELP of %s", name).hasValueSatisfying(h -> assertThat(h).hasSizeGreaterThan(10));
        }

        List<PrometheusText.Sample> counts = metrics.samples("onlineuser_").stream()
                .filter(s -> !s.name().startsWith("onlineuser_session_duration_seconds_")).toList();
        assertThat(counts).extracting(PrometheusText.Sample::name)
                .as("only DESIGN.md's names under onlineuser_ (the session-length histogram: SessionDurationIT)")
                .containsExactlyInAnyOrderElementsOf(OnlineuserMetric.metricNames());
        assertThat(counts).allSatisfy(s -> assertThat(s.labels()).containsOnlyKeys("server_id"));
        for (String uid : UIDS) {
            assertThat(metrics.text()).as("uid in /metrics").doesNotContain(uid);
        }
        assertThat(metrics.samples("jmx_scrape_error")).singleElement()
                .satisfies(s -> assertThat(s.value()).as("jmx_scrape_error").isZero());
    }
}
