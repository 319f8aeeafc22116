package io.onlineuser.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.onlineuser.sample.client.PomeloClient;
import io.onlineuser.testkit.ConnectorProcess;
import io.onlineuser.testkit.JolokiaHttp;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Session lengths end to end: players of known session lengths on a real sample-server with the
 * agent and the real JMX exporter 1.0.1 (shipped config), scraped by a real Prometheus (shipped
 * prometheus.yml): a histogram whose count is every ended session and whose quantiles fall in
 * the buckets of the lengths played.
 */
class SessionDurationIT {

    private static final String SERVER_ID = "connector-lengths-1";
    private static final List<String> BOUNDS = List.of("10", "30", "60", "300", "900", "1800", "3600", "7200", "14400", "28800", "+Inf");

    private final List<AutoCloseable> resources = new ArrayList<>();

    @AfterEach
    void stop() throws Exception {
        for (int i = resources.size() - 1; i >= 0; i--) {
            resources.get(i).close();
        }
    }

    @Test
    void theHistogramCountsEveryEndedSessionAndItsQuantilesBracketTheLengthsPlayed(@TempDir Path dir) throws Exception {
        JmxExporterAgent exporter = new JmxExporterAgent();
        ConnectorProcess connector = AgentConnector.start(SERVER_ID, Map.of("kick.enabled", "true"), List.of(exporter.javaagentArgument()));
        resources.add(connector::close);
        PrometheusServer prometheus = PrometheusServer.startRegional(dir,
                List.of(Map.of("targets", List.of(exporter.target()), "labels", Map.of("server_type", "connector"))));
        resources.add(prometheus);
        JolokiaHttp jolokia = new JolokiaHttp(connector.jolokiaUrl());

        List<PomeloClient> players = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            PomeloClient player = PomeloClient.connectTcp("127.0.0.1", connector.pomeloPort());
            resources.add(player::abort);
            assertThat(player.login("player-" + i)).isEqualTo(200);
            players.add(player);
        }
        // six short sessions (about 1 s): four log out, one closes its connection, one is kicked.
        // The sample-server unbinds a session when its connection closes, before the agent sees the
        // close: those end as logout, not closed (closed: a session still bound when its connection goes).
        Thread.sleep(1_000);
        for (int i = 0; i < 4; i++) {
            assertThat(players.get(i).logout()).isEqualTo(200);
        }
        players.get(4).close();
        assertThat(jolokia.exec("onlineuser:type=Session,serverId=" + SERVER_ID, "kick", "player-5", "bye").asInt()).isEqualTo(1);
        // four long ones (about 12 s): two log out, two close
        Thread.sleep(11_000);
        assertThat(players.get(6).logout()).isEqualTo(200);
        assertThat(players.get(7).logout()).isEqualTo(200);
        players.get(8).close();
        players.get(9).close();

        String stats = OnlineuserMetric.CONNECTION_STATS + SERVER_ID;
        await("every session ended").atMost(Duration.ofSeconds(30))
                .until(() -> jolokia.read(stats, "LogoutTotal").asLong() == 10);

        PrometheusText scrape = exporter.scrape();
        Map<String, Integer> expected = Map.of("logout", 9, "closed", 0, "kick", 1);
        expected.forEach((ended, count) -> {
            List<Double> cumulative = new ArrayList<>();
            for (String le : BOUNDS) {
                cumulative.add(value(scrape, "onlineuser_session_duration_seconds_le", ended, le));
            }
            assertThat(cumulative).as("buckets of %s in\n%s", ended, scrape.text()).isSorted().last().isEqualTo((double) count);
            assertThat(value(scrape, "onlineuser_session_duration_seconds_count", ended, null)).isEqualTo((double) count);
        });
        assertThat(value(scrape, "onlineuser_session_duration_seconds_le", "logout", "10")).as("logouts at most 10 s").isEqualTo(5.0);
        assertThat(value(scrape, "onlineuser_session_duration_seconds_le", "logout", "30")).as("logouts at most 30 s").isEqualTo(9.0);
        assertThat(value(scrape, "onlineuser_session_duration_seconds_sum", "logout", null)).as("logout seconds")
                .isBetween(5 * 1.0 + 4 * 12.0, 5 * 3.0 + 4 * 16.0);
        assertThat(scrape.text()).doesNotContain("player-");

        await("Prometheus has the ended sessions").atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                assertThat(prometheus.scalar("sum(onlineuser_session_duration_seconds_count)")).isEqualTo(10.0));
        assertThat(prometheus.scalar("sum(onlineuser_session_duration_seconds_count)"))
                .as("histogram count = LogoutTotal (logouts, closes and kicks)")
                .isEqualTo(jolokia.read(stats, "LogoutTotal").asDouble());
        JsonNode bucket = prometheus.query("onlineuser_session_duration_seconds_bucket{ended=\"kick\",le=\"+Inf\"}")
                .path("result").get(0);
        assertThat(bucket.path("metric").path("server_id").asText()).as("server_id of %s", bucket).isEqualTo(SERVER_ID);
        assertThat(bucket.path("metric").path("server_type").asText()).as("server_type of %s", bucket).isEqualTo("connector");
        assertThat(bucket.path("value").get(1).asText()).isEqualTo("1");
        Double p50 = prometheus.scalar("histogram_quantile(0.5, sum by (le) (onlineuser_session_duration_seconds_bucket))");
        Double p90 = prometheus.scalar("histogram_quantile(0.9, sum by (le) (onlineuser_session_duration_seconds_bucket))");
        assertThat(p50).as("median: a short session's bucket, (0, 10] s").isGreaterThan(0).isLessThanOrEqualTo(10);
        assertThat(p90).as("p90: a long session's bucket, (10, 30] s").isGreaterThan(10).isLessThanOrEqualTo(30);
    }

    private static double value(PrometheusText scrape, String name, String ended, String le) {
        return scrape.samples(name).stream()
                .filter(s -> s.name().equals(name) && ended.equals(s.labels().get("ended"))
                        && (le == null || le.equals(s.labels().get("le"))))
                .peek(s -> assertThat(s.labels()).as("labels of %s", name)
                        .containsOnlyKeys(le == null ? new String[] {"server_id", "ended"} : new String[] {"server_id", "ended", "le"})
                        .containsEntry("server_id", SERVER_ID))
                .mapToDouble(PrometheusText.Sample::value)
                .findFirst()
                .orElseThrow(() -> new AssertionError(name + "{ended=" + ended + ",le=" + le + "} missing in\n" + scrape.text()));
    }
}
