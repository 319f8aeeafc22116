package io.onlineuser.collector.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.onlineuser.collector.api.OnlineUserCluster;
import io.onlineuser.collector.fake.FakeAgent;
import io.onlineuser.collector.fake.FakeConnector;
import io.onlineuser.collector.live.LiveCluster;
import io.onlineuser.collector.report.BackfilledPrometheus;
import io.onlineuser.collector.report.DailyReport;
import io.onlineuser.collector.report.PrometheusApi;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The page in real Chromium with {@code serve --prometheus}: today's PCU beside the live totals,
 * and the 7-day PCU/ACU chart (Chart.js, bundled in the jar) drawn from a real Prometheus holding
 * three backfilled days.
 */
class DashboardPrometheusIT {

    private static final ZoneId ZONE = ZoneId.of("UTC");

    private final List<AutoCloseable> resources = new ArrayList<>();

    @AfterEach
    void stop() throws Exception {
        for (int i = resources.size() - 1; i >= 0; i--) {
            resources.get(i).close();
        }
    }

    /**
     * Three UTC days before today, one sample a minute: 100, 200, 300 users with one minute 50 above.
     * Each day's last six minutes are left out, so that the five-minute look-back of its last
     * sample does not reach into today (backfilled series carry no staleness marker).
     */
    private static String history(LocalDate today) {
        StringBuilder text = new StringBuilder();
        for (int d = 3; d >= 1; d--) {
            LocalDate date = today.minusDays(d);
            int base = 100 * (4 - d);
            Instant start = date.atStartOfDay(ZONE).toInstant();
            for (int minute = 0; minute < 1_434; minute++) {
                int users = base + (minute == 600 ? 50 : 0);
                text.append("onlineuser_logged_in_users{server_id=\"c1\"} ").append(users).append(' ')
                        .append(start.getEpochSecond() + minute * 60L).append('\n');
            }
        }
        return text.append("# EOF\n").toString();
    }

    @Test
    void thePageShowsTodaysPeakAndChartsTheLastDaysFromPrometheus(@TempDir Path dir) throws Exception {
        LocalDate today = LocalDate.now(ZONE);
        BackfilledPrometheus prometheus = BackfilledPrometheus.start(Files.createDirectory(dir.resolve("prometheus")), history(today));
        resources.add(prometheus);
        FakeConnector connector = new FakeConnector("connector-1").login("alice").login("bob").loginMany("p", 40);
        resources.add(connector);
        FakeAgent agent = new FakeAgent();
        resources.add(agent);
        OnlineUserCluster cluster = OnlineUserCluster.builder().target(agent.url()).timeout(Duration.ofSeconds(30)).build();
        resources.add(cluster);
        LiveCluster live = LiveCluster.builder(cluster).interval(Duration.ofMillis(100)).start();
        resources.add(live);
        assertThat(live.awaitFirstPoll(Duration.ofSeconds(60))).isTrue();
        DashboardServer server = new DashboardServer(live, "127.0.0.1", 0, 200, 60_000, false, ZONE,
                new DailyReport(new PrometheusApi(prometheus.url(), Duration.ofSeconds(30)), ZONE, false));
        resources.add(server);
        server.start();

        try (DevToolsBrowser browser = DevToolsBrowser.start()) {
            browser.open(server.url().toString());
            browser.awaitText("#total-logined", "42");
            browser.awaitText("#today-pcu", "42");
            assertThat(browser.text("#today-pcu-at")).startsWith("at " + today);

            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(browser.eval(
                    "JSON.stringify(document.querySelector('#daily').dataset)").asText()).contains("\"days\":\"3\""));
            assertThat(browser.eval("document.querySelector('#daily').hidden").asBoolean()).as("chart shown").isFalse();
            assertThat(browser.eval("Chart.getChart('daily-chart').data.labels.join(',')").asText())
                    .isEqualTo(today.minusDays(3) + "," + today.minusDays(2) + "," + today.minusDays(1));
            assertThat(browser.eval("Chart.getChart('daily-chart').data.datasets.map(s => s.label + ':' + s.data.join('/')).join(' ')").asText())
                    .isEqualTo("PCU:150/250/350 ACU:100/200/300");
            // drawn: bars leave coloured pixels on the canvas
            assertThat(browser.eval("(() => { const c = document.querySelector('#daily-chart');"
                    + " const px = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;"
                    + " let n = 0; for (let i = 3; i < px.length; i += 4) { if (px[i] > 0) n++; } return n; })()").asInt())
                    .as("painted pixels").isGreaterThan(1_000);
        }
    }
}
