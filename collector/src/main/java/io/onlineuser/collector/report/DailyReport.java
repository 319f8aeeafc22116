package io.onlineuser.collector.report;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Operators' figures per calendar day of a time zone, from the raw series in Prometheus (not the
 * rolling recording rules, which neither follow a time zone's days nor exist for backfilled data).
 *
 * <p>Concurrent users are the sum of {@code onlineuser_logged_in_users} (a uid on two connectors
 * counts twice) read every minute of the day: PCU is the highest minute (the first, if several),
 * ACU the mean of the minutes. Logins and ended sessions are the increase of
 * {@code onlineuser_logins_total} and {@code onlineuser_session_duration_seconds_count} from the
 * day's first instant to the next day's; the quantiles are {@code histogram_quantile} over the
 * day's increase of the buckets (interpolated within a bucket). Five queries per day.
 */
public final class DailyReport {

    static final Duration STEP = Duration.ofMinutes(1);
    private static final String USERS = "onlineuser_logged_in_users";

    private final PrometheusApi prometheus;
    private final ZoneId zone;
    private final boolean byServerType;

    public DailyReport(PrometheusApi prometheus, ZoneId zone, boolean byServerType) {
        this.prometheus = prometheus;
        this.zone = zone;
        this.byServerType = byServerType;
    }

    /**
     * The last {@code days} calendar days up to today (so far), oldest first; days without any
     * logged-in-users sample are left out.
     *
     * @throws PrometheusException when Prometheus cannot be asked or holds no logged-in users at all in those days
     */
    public List<DayFigures> lastDays(int days, Instant now) {
        LocalDate today = now.atZone(zone).toLocalDate();
        List<DayFigures> rows = new ArrayList<>();
        for (LocalDate date = today.minusDays(days - 1L); !date.isAfter(today); date = date.plusDays(1)) {
            rows.addAll(day(date, now));
        }
        if (rows.isEmpty()) {
            throw new PrometheusException("Prometheus at " + prometheus.base() + " has no " + USERS + " samples in the last "
                    + days + " days (" + zone + "): is it scraping the connectors' JMX exporters (examples/prometheus/prometheus.yml)?");
        }
        return rows;
    }

    private List<DayFigures> day(LocalDate date, Instant now) {
        Instant start = date.atStartOfDay(zone).toInstant();
        Instant end = date.plusDays(1).atStartOfDay(zone).toInstant();
        Instant until = end.isAfter(now) ? now : end;
        if (!until.isAfter(start)) {
            return List.of();
        }
        String range = "[" + Duration.between(start, until).toSeconds() + "s]";
        Instant lastMinute = until.equals(end) ? end.minus(STEP) : until;
        Map<String, PrometheusApi.Series> users = byGroup(prometheus.range(sum(USERS), start, lastMinute, STEP));
        Map<String, Double> logins = values(prometheus.instant(sum("increase(onlineuser_logins_total" + range + ")"), until));
        Map<String, Double> sessions = values(prometheus.instant(
                sum("increase(onlineuser_session_duration_seconds_count" + range + ")"), until));
        Map<String, Double> p50 = values(prometheus.instant(quantile(0.5, range), until));
        Map<String, Double> p90 = values(prometheus.instant(quantile(0.9, range), until));

        List<DayFigures> rows = new ArrayList<>();
        users.forEach((group, series) -> {
            List<PrometheusApi.Point> points = series.points();
            if (points.isEmpty()) {
                return;
            }
            PrometheusApi.Point peak = points.get(0);
            double total = 0;
            for (PrometheusApi.Point point : points) {
                total += point.value();
                if (point.value() > peak.value()) {
                    peak = point;
                }
            }
            rows.add(new DayFigures(date, byServerType ? group : null, Math.round(peak.value()),
                    peak.time().atZone(zone).toOffsetDateTime(), total / points.size(),
                    Math.round(logins.getOrDefault(group, 0.0)), Math.round(sessions.getOrDefault(group, 0.0)),
                    finite(p50.get(group)), finite(p90.get(group))));
        });
        return rows;
    }

    private String by() {
        return byServerType ? " by (server_type) " : " ";
    }

    private String sum(String expr) {
        return "sum" + by() + "(" + expr + ")";
    }

    private String quantile(double q, String range) {
        return "histogram_quantile(" + q + ", sum by (" + (byServerType ? "server_type, " : "") + "le) "
                + "(increase(onlineuser_session_duration_seconds_bucket" + range + ")))";
    }

    private String group(Map<String, String> labels) {
        return byServerType ? labels.getOrDefault("server_type", "") : "";
    }

    private Map<String, PrometheusApi.Series> byGroup(List<PrometheusApi.Series> series) {
        Map<String, PrometheusApi.Series> groups = new TreeMap<>();
        series.forEach(s -> groups.put(group(s.labels()), s));
        return groups;
    }

    private Map<String, Double> values(List<PrometheusApi.Sample> samples) {
        Map<String, Double> values = new HashMap<>();
        samples.forEach(s -> values.put(group(s.labels()), s.value()));
        return values;
    }

    /** histogram_quantile gives NaN when no session ended in the range. */
    private static Double finite(Double value) {
        return value == null || value.isNaN() || value.isInfinite() ? null : value;
    }
}
