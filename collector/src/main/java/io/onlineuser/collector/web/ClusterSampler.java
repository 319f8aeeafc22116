package io.onlineuser.collector.web;

import java.time.ZoneId;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import io.onlineuser.collector.live.LiveCluster;
import io.onlineuser.collector.live.LiveSnapshot;

/** Reads the live index's totals on a fixed rhythm and keeps the last minutes of them for the chart. */
final class ClusterSampler implements AutoCloseable {

    private final LiveCluster live;
    private final long intervalMillis;
    private final int historySize;
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "onlineuser-collector-sampler");
        thread.setDaemon(true);
        return thread;
    });
    private final ArrayDeque<HistoryPoint> history = new ArrayDeque<>();
    private final TodayPeak todayPeak;

    ClusterSampler(LiveCluster live, long intervalMillis, long historyMillis, ZoneId zone) {
        this.live = live;
        this.todayPeak = new TodayPeak(zone);
        this.intervalMillis = intervalMillis;
        this.historySize = (int) Math.max(2, historyMillis / intervalMillis);
    }

    void start() {
        sample();
        scheduler.scheduleWithFixedDelay(this::sample, intervalMillis, intervalMillis, TimeUnit.MILLISECONDS);
    }

    TodayPeak todayPeak() {
        return todayPeak;
    }

    long intervalMillis() {
        return intervalMillis;
    }

    synchronized List<HistoryPoint> history() {
        return new ArrayList<>(history);
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
    }

    private void sample() {
        try {
            record(live.online());
        } catch (RuntimeException e) {
            // a failed read must not end the schedule; the chart keeps its points
            System.err.println("[onlineuser-collector] sampling failed: " + e);
        }
    }

    private synchronized void record(LiveSnapshot snapshot) {
        Map<String, Integer> perServer = new LinkedHashMap<>();
        snapshot.servers().forEach((id, stats) -> perServer.put(id, stats.loginedCount()));
        history.addLast(new HistoryPoint(snapshot.takenAt(), snapshot.totals().totalConnCount(),
                snapshot.totals().loginedCount(), perServer));
        todayPeak.record(snapshot.takenAt(), snapshot.totals().loginedCount());
        while (history.size() > historySize) {
            history.removeFirst();
        }
    }

    /** One sample for the chart. */
    record HistoryPoint(long time, long totalConnCount, long loginedCount, Map<String, Integer> loginedByServer) {
    }
}
