package io.onlineuser.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.onlineuser.sample.client.PomeloClient;
import io.onlineuser.testkit.ConnectorProcess;
import io.onlineuser.testkit.Jars;
import io.onlineuser.testkit.RequiredTool;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Counts for a fleet that outgrows one collector: a regional Prometheus (the shipped prometheus.yml
 * and recording.yml) scrapes two connectors' JMX exporters, and a global Prometheus (the shipped
 * federation/global.yml) pulls only the recorded onlineuser:* series from it. The global figures
 * must equal the collector's, which reads the agents over Jolokia, and follow a logout.
 */
class FederationIT {

    private static final Path EXAMPLES = Jars.repoRoot().resolve("examples/prometheus");

    private final List<AutoCloseable> resources = new ArrayList<>();

    @AfterEach
    void stop() throws Exception {
        for (int i = resources.size() - 1; i >= 0; i--) {
            resources.get(i).close();
        }
    }

    @Test
    void globalPrometheusTotalEqualsTheCollectorsTotal(@TempDir Path dir) throws Exception {
        Path discovery = Files.createDirectory(dir.resolve("discovery"));
        List<Map<String, Object>> scrapeGroups = new ArrayList<>();
        PomeloClient connectorPlayer = startWithPlayers("eu-connector-1", "connector", 3, discovery, scrapeGroups);
        startWithPlayers("eu-gate-1", "gate", 2, discovery, scrapeGroups);

        CollectorCli collector = new CollectorCli(discovery);
        await("collector sees both connectors").atMost(Duration.ofSeconds(60))
                .untilAsserted(() -> assertThat(collector.online().path("servers").size()).isEqualTo(2));
        long total = collector.loggedInTotal();
        assertThat(total).as("players logged in, by the collector").isEqualTo(5);

        PrometheusServer regional = started(PrometheusServer.startRegional(Files.createDirectory(dir.resolve("regional")), scrapeGroups));
        PrometheusServer global = started(PrometheusServer.startGlobal(Files.createDirectory(dir.resolve("global")),
                List.of(regional.hostAndPort())));

        await("global onlineuser:logged_in_users:sum equals the collector's total").atMost(Duration.ofSeconds(90))
                .untilAsserted(() -> assertThat(global.scalar("onlineuser:logged_in_users:sum")).isEqualTo((double) total));
        JsonNode series = global.query("onlineuser:logged_in_users:sum").path("result").get(0).path("metric");
        assertThat(series.path("region").asText()).as("the regional external label travels with the series").isEqualTo("region-1");
        assertThat(global.scalar("sum(onlineuser:logged_in_users:sum)")).as("all regions").isEqualTo((double) total);
        await("per server type").atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(global.scalar("onlineuser:logged_in_users:sum_by_server_type{server_type=\"connector\"}")).isEqualTo(3.0);
            assertThat(global.scalar("onlineuser:logged_in_users:sum_by_server_type{server_type=\"gate\"}")).isEqualTo(2.0);
            assertThat(global.scalar("onlineuser:logged_in_users:sum_by_host")).as("both on host 127.0.0.1").isEqualTo(5.0);
            assertThat(global.scalar("onlineuser:connectors_up:sum")).isEqualTo(2.0);
        });
        assertThat(global.scalar("count({__name__=~\"onlineuser_.*\"})")).as("no per-connector series federated").isNull();

        connectorPlayer.logout();
        await("collector sees the logout").atMost(Duration.ofSeconds(30)).until(() -> collector.loggedInTotal() == total - 1);
        await("global sees the logout").atMost(Duration.ofSeconds(60))
                .untilAsserted(() -> assertThat(global.scalar("onlineuser:logged_in_users:sum")).isEqualTo((double) (total - 1)));
    }

    @Test
    void promtoolAcceptsAndUnitTestsTheRecordingRulesAndTheGlobalConfig() throws Exception {
        assertThat(promtool(EXAMPLES, "check", "rules", "recording.yml")).contains("SUCCESS: 17 rules found");
        assertThat(promtool(EXAMPLES, "test", "rules", "recording_test.yml")).contains("SUCCESS");
        assertThat(promtool(EXAMPLES.resolve("federation"), "check", "config", "global.yml"))
                .contains("is valid prometheus config file syntax");
    }

    private PomeloClient startWithPlayers(String serverId, String serverType, int players, Path discovery,
                                          List<Map<String, Object>> scrapeGroups) throws IOException {
        JmxExporterAgent exporter = new JmxExporterAgent();
        ConnectorProcess connector = AgentConnector.start(serverId,
                Map.of("discovery.dir", discovery.toString(), "serverType", serverType), List.of(exporter.javaagentArgument()));
        resources.add(connector);
        scrapeGroups.add(Map.of("targets", List.of(exporter.target()), "labels", Map.of("server_type", serverType)));
        PomeloClient first = null;
        for (int i = 0; i < players; i++) {
            PomeloClient client = PomeloClient.connectTcp("127.0.0.1", connector.pomeloPort());
            resources.add(client::abort);
            assertThat(client.login(serverId + "-player-" + i)).isEqualTo(200);
            first = first == null ? client : first;
        }
        return first;
    }

    private PrometheusServer started(PrometheusServer server) {
        resources.add(server);
        await("Prometheus ready").atMost(Duration.ofSeconds(60)).until(server::ready);
        return server;
    }

    private static String promtool(Path dir, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(RequiredTool.onPath("promtool").toString()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as("promtool %s:%n%s", String.join(" ", args), output).isZero();
        return output;
    }
}
