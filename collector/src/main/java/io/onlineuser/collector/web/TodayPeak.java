package io.onlineuser.collector.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Today's peak of logged-in users (PCU) as this {@code serve} saw it in its samples, and when;
 * starts again at the zone's midnight. Since serve started, if that was today: the whole day's
 * figure is Prometheus's ({@code report}, or the page's 7-day chart with {@code --prometheus}).
 */
final class TodayPeak {

    private final ZoneId zone;
    private LocalDate date;
    private long peak = -1;
    private long peakAt;
    private long since;

    TodayPeak(ZoneId zone) {
        this.zone = zone;
    }

    synchronized void record(long timeMillis, long loggedIn) {
        LocalDate day = Instant.ofEpochMilli(timeMillis).atZone(zone).toLocalDate();
        if (!day.equals(date)) {
            date = day;
            peak = -1;
            since = timeMillis;
        }
        if (loggedIn > peak) {
            peak = loggedIn;
            peakAt = timeMillis;
        }
    }

    /** {@code {date, zone, pcu, pcuAt, since}} (times in epoch ms); {@code pcu} null before the first sample. */
    synchronized Map<String, Object> view() {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("date", date == null ? null : date.toString());
        view.put("zone", zone.getId());
        view.put("pcu", peak < 0 ? null : peak);
        view.put("pcuAt", peak < 0 ? null : peakAt);
        view.put("since", peak < 0 ? null : since);
        return view;
    }
}
