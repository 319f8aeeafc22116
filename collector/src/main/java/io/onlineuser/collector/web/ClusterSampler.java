package io.onlineuser.collector.web;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import io.onlineuser.collector.api.ClusterSnapshot;
import io.onlineuser.collector.api.OnlineUserCluster;

/**
 * Asks the cluster on a fixed rhythm (with the duplicate check, as pomelo-admin-web's page polls
 * every 5 s) and keeps the last minutes of totals for the chart. Page views read the latest
 * snapshot, so a hundred open browsers cost the connectors nothing more.
 */
final class ClusterSampler implements AutoCloseable {

    private final OnlineUserCluster cluster;
    private final long intervalMillis;
    private final int historySize;
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "onlineuser-collector-sampler");
        thread.setDaemon(true);
        return thread;
    });
    private final ArrayDeque<HistoryPoint> history = new ArrayDeque<>();
    private volatile ClusterSnapshot latest;

    ClusterSampler(OnlineUserCluster cluster, long intervalMillis, long historyMillis) {
        this.cluster = cluster;
        this.intervalMillis = intervalMillis;
        this.historySize = (int) Math.max(2, historyMillis / intervalMillis);
    }

    void start() {
        sample();
        scheduler.scheduleWithFixedDelay(this::sample, intervalMillis, intervalMillis, TimeUnit.MILLISECONDS);
    }

    ClusterSnapshot latest() {
        return latest;
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
            ClusterSnapshot snapshot = cluster.online(true);
            latest = snapshot;
            record(snapshot);
        } catch (RuntimeException e) {
            // a failed round must not end the schedule; the next one retries and the page keeps the last data
            System.err.println("[onlineuser-collector] sampling failed: " + e);
        }
    }

    private synchronized void record(ClusterSnapshot snapshot) {
        Map<String, Integer> perServer = new LinkedHashMap<>();
        snapshot.servers().forEach((id, stats) -> perServer.put(id, stats.loginedCount()));
        history.addLast(new HistoryPoint(snapshot.takenAt(), snapshot.totals().totalConnCount(),
                snapshot.totals().loginedCount(), perServer));
        while (history.size() > historySize) {
            history.removeFirst();
        }
    }

    /** One sample for the chart. */
    record HistoryPoint(long time, long totalConnCount, long loginedCount, Map<String, Integer> loginedByServer) {
    }
}
