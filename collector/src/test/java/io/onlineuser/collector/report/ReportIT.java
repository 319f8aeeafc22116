package io.onlineuser.collector.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.onlineuser.collector.cli.CollectorMain;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code report} against a real Prometheus holding three made-up days (Europe/Berlin) of two
 * servers, a connector and a gate, one sample a minute. Each day the connector has a base number
 * of users and one minute 144 above it (so the day's mean is 0.1 above the base), the gate 10 all
 * day; logins come at a steady rate; connector sessions end at a steady rate with a known spread
 * over the buckets. The second day's peak is at 00:30 Berlin, 23:30 UTC the day before: in UTC it
 * belongs to another date.
 */
class ReportIT {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final LocalDate TODAY = LocalDate.now(BERLIN);
    private static final LocalDate DAY1 = TODAY.minusDays(3);
    private static final LocalDate DAY2 = TODAY.minusDays(2);
    private static final LocalDate DAY3 = TODAY.minusDays(1);

    /** Per day: connector base users, its peak minute (Berlin), logins per minute, and bucket increments per minute. */
    private record Day(LocalDate date, int base, int peakHour, int peakMinute, int connectorLoginsPerMinute, int[] bucketsPerMinute) {
    }

    /** Buckets le = 10, 30, 60, 300, 900, +Inf (cumulative, ten sessions a minute). */
    private static final List<Day> DAYS = List.of(
            // p50: the 5th of 10, the first of the 4 in (60, 300]: 120 s; p90: the 9th, the first of 2 in (300, 900]: 600 s
            new Day(DAY1, 100, 12, 0, 1, new int[] {1, 2, 4, 8, 10, 10}),
            // p50: the 5th of the 5 in (60, 300]: 300 s; p90: the 4th of the 5 in (300, 900]: 780 s
            new Day(DAY2, 200, 0, 30, 2, new int[] {0, 0, 0, 5, 10, 10}),
            // p50: the 5th of the 5 in (0, 10]: 10 s; p90: the 4th of the 5 in (10, 30]: 26 s
            new Day(DAY3, 300, 21, 15, 3, new int[] {5, 10, 10, 10, 10, 10}));
    private static final String[] LE = {"10", "30", "60", "300", "900", "+Inf"};

    private static BackfilledPrometheus prometheus;

    @BeforeAll
    static void backfill(@TempDir Path dir) throws Exception {
        prometheus = BackfilledPrometheus.start(dir, history());
    }

    @AfterAll
    static void stop() throws Exception {
        if (prometheus != null) {
            prometheus.close();
        }
    }

    /** Minutes from an hour before the first day to the first minute of today (Berlin), both included. */
    private static String history() {
        Instant first = DAY1.atStartOfDay(BERLIN).toInstant().minusSeconds(3_600);
        Instant last = TODAY.atStartOfDay(BERLIN).toInstant();
        StringBuilder users = new StringBuilder();
        StringBuilder gateUsers = new StringBuilder();
        StringBuilder logins = new StringBuilder();
        StringBuilder gateLogins = new StringBuilder();
        StringBuilder[] buckets = new StringBuilder[LE.length];
        for (int i = 0; i < LE.length; i++) {
            buckets[i] = new StringBuilder();
        }
        StringBuilder count = new StringBuilder();
        String connector = "server_id=\"c1\",server_type=\"connector\"";
        String gate = "server_id=\"g1\",server_type=\"gate\"";
        long loginTotal = 0;
        long gateLoginTotal = 0;
        long[] bucketTotal = new long[LE.length];
        for (Instant t = first; !t.isAfter(last); t = t.plusSeconds(60)) {
            ZonedDateTime local = t.atZone(BERLIN);
            Day day = dayOf(local.toLocalDate());
            // the minute ending at t belongs to the day of t - 1 minute: the sample at midnight closes the day before
            Day previous = dayOf(t.minusSeconds(60).atZone(BERLIN).toLocalDate());
            if (t.isAfter(first) && previous != null) {
                loginTotal += previous.connectorLoginsPerMinute();
                gateLoginTotal += 1;
                for (int i = 0; i < LE.length; i++) {
                    bucketTotal[i] += previous.bucketsPerMinute()[i];
                }
            }
            long seconds = t.getEpochSecond();
            int connectorUsers = day == null ? 0 : day.base()
                    + (local.getHour() == day.peakHour() && local.getMinute() == day.peakMinute() ? 144 : 0);
            users.append("onlineuser_logged_in_users{").append(connector).append("} ").append(connectorUsers).append(' ').append(seconds).append('\n');
            gateUsers.append("onlineuser_logged_in_users{").append(gate).append("} 10 ").append(seconds).append('\n');
            logins.append("onlineuser_logins_total{").append(connector).append("} ").append(loginTotal).append(' ').append(seconds).append('\n');
            gateLogins.append("onlineuser_logins_total{").append(gate).append("} ").append(gateLoginTotal).append(' ').append(seconds).append('\n');
            for (int i = 0; i < LE.length; i++) {
                buckets[i].append("onlineuser_session_duration_seconds_bucket{").append(connector).append(",ended=\"logout\",le=\"")
                        .append(LE[i]).append("\"} ").append(bucketTotal[i]).append(' ').append(seconds).append('\n');
            }
            count.append("onlineuser_session_duration_seconds_count{").append(connector).append(",ended=\"logout\"} ")
                    .append(bucketTotal[LE.length - 1]).append(' ').append(seconds).append('\n');
        }
        StringBuilder all = new StringBuilder();
        all.append(users).append(gateUsers).append(logins).append(gateLogins);
        for (StringBuilder bucket : buckets) {
            all.append(bucket);
        }
        return all.append(count).append("# EOF\n").toString();
    }

    private static Day dayOf(LocalDate date) {
        return DAYS.stream().filter(d -> d.date().equals(date)).findFirst().orElse(null);
    }

    @Test
    void eachBerlinDayHasThePeakAverageLoginsSessionsAndLengthsItWasMadeFrom() throws Exception {
        Run run = run("--json", "report", "--prometheus", prometheus.url(), "--days", "7", "--tz", "Europe/Berlin");
        assertThat(run.status()).as("exit status; err: %s", run.err()).isZero();
        Map<String, JsonNode> rows = byDate(new ObjectMapper().readTree(run.out()).path("days"));

        assertDay(rows.get(DAY1.toString()), 254, DAY1 + "T12:00+01:00", 110.1, 2 * 1_440, 14_400, 120, 600);
        assertDay(rows.get(DAY2.toString()), 354, DAY2 + "T00:30+01:00", 210.1, 3 * 1_440, 14_400, 300, 780);
        assertDay(rows.get(DAY3.toString()), 454, DAY3 + "T21:15+01:00", 310.1, 4 * 1_440, 14_400, 10, 26);
    }

    @Test
    void inUtcTheSecondDaysPeakBelongsToTheDateBefore() throws Exception {
        Run run = run("--json", "report", "--prometheus", prometheus.url(), "--days", "7", "--tz", "UTC");
        assertThat(run.status()).as("exit status; err: %s", run.err()).isZero();
        JsonNode day1 = byDate(new ObjectMapper().readTree(run.out()).path("days")).get(DAY1.toString());
        assertThat(day1.path("pcu").asLong()).isEqualTo(354);
        assertThat(day1.path("pcuAt").asText()).isEqualTo(DAY1 + "T23:30Z");
    }

    @Test
    void byServerTypeSplitsTheFiguresAndTheTableShowsThem() throws Exception {
        Run run = run("report", "--prometheus", prometheus.url(), "--tz", "Europe/Berlin", "--by", "serverType");
        assertThat(run.status()).as("exit status; err: %s", run.err()).isZero();
        assertThat(run.out().lines().findFirst().orElseThrow().split("\\s+"))
                .containsExactly("date", "serverType", "pcu", "pcuAt", "acu", "logins", "sessions", "sessionP50", "sessionP90");
        assertThat(run.out()).contains(DAY2 + "  connector         344  00:30      200.1      2880     14400       300.0       780.0")
                .contains(DAY2 + "  gate               10  00:00       10.0      1440         0           -           -");

        Run csv = run("report", "--prometheus", prometheus.url(), "--tz", "Europe/Berlin", "--csv");
        assertThat(csv.out()).startsWith("date,pcu,pcuAt,acu,logins,sessions,sessionP50,sessionP90\n")
                .contains(DAY3 + ",454," + DAY3 + "T21:15+01:00,310.100,5760,14400,10.0,26.0\n");
    }

    @Test
    void badInputAndAMissingPrometheusOrMissingSeriesAreClearErrors(@TempDir Path emptyDir) throws Exception {
        Run zone = run("report", "--prometheus", prometheus.url(), "--tz", "Europe/Nowhere");
        assertThat(zone.status()).isEqualTo(64);
        assertThat(zone.err()).contains("--tz Europe/Nowhere is not a time zone");

        Run down = run("report", "--prometheus", "http://127.0.0.1:1", "--tz", "UTC");
        assertThat(down.status()).isEqualTo(2);
        assertThat(down.err()).contains("cannot reach Prometheus at http://127.0.0.1:1/");

        try (BackfilledPrometheus nothing = BackfilledPrometheus.empty(emptyDir)) {
            Run empty = run("report", "--prometheus", nothing.url(), "--days", "3", "--tz", "UTC");
            assertThat(empty.status()).as("a Prometheus without our series: %s", empty.out()).isEqualTo(2);
            assertThat(empty.err()).contains("has no onlineuser_logged_in_users samples in the last 3 days (UTC)");
        }

        Run days = run("report", "--prometheus", prometheus.url(), "--days", "0");
        assertThat(days.status()).isEqualTo(64);
        assertThat(days.err()).contains("--days must be between 1 and 366, got 0");
    }

    private static void assertDay(JsonNode row, long pcu, String pcuAt, double acu, long logins, long sessions, double p50, double p90) {
        assertThat(row).as("row of the day").isNotNull();
        assertThat(row.path("pcu").asLong()).as("pcu of %s", row).isEqualTo(pcu);
        assertThat(row.path("pcuAt").asText()).as("pcuAt of %s", row).isEqualTo(pcuAt);
        assertThat(row.path("acu").asDouble()).as("acu of %s", row).isCloseTo(acu, within(1e-9));
        assertThat(row.path("logins").asLong()).as("logins of %s", row).isEqualTo(logins);
        assertThat(row.path("sessions").asLong()).as("sessions of %s", row).isEqualTo(sessions);
        assertThat(row.path("sessionP50").asDouble()).as("p50 of %s", row).isCloseTo(p50, within(1e-6));
        assertThat(row.path("sessionP90").asDouble()).as("p90 of %s", row).isCloseTo(p90, within(1e-6));
    }

    private static Map<String, JsonNode> byDate(JsonNode days) {
        Map<String, JsonNode> rows = new HashMap<>();
        days.forEach(d -> rows.put(d.path("date").asText(), d));
        return rows;
    }

    private record Run(int status, String out, String err) {
    }

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine commandLine = CollectorMain.commandLine();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        int status = commandLine.execute(args);
        return new Run(status, out.toString(), err.toString());
    }
}
