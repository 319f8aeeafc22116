package io.onlineuser.bench.collector;

import java.time.Duration;
import java.util.List;

import io.onlineuser.bench.memory.LiveHeap;
import io.onlineuser.bench.process.ChildJvm;
import io.onlineuser.collector.api.OnlineUserCluster;
import io.onlineuser.collector.live.LiveCluster;

/**
 * The live index's memory per session, measured in a JVM that holds nothing but the collector (the
 * bench JVM also holds the players' bots, whose objects moved the whole-heap figure by ~25–30 B per
 * session): live heap by {@code GC.class_histogram} before a LiveCluster starts and once its index
 * holds every session, after a first LiveCluster listed everything and closed (class loading, the
 * JDK's buffers and code paths are not per session). Args: the expected sessions, then the
 * connectors' Jolokia URLs. Reports {@code bytesPerSession}; the largest growing classes go to stderr.
 */
public final class LiveIndexHeapProbe {

    private static final Duration INTERVAL = Duration.ofMillis(500);

    private LiveIndexHeapProbe() {
    }

    public static void main(String[] args) throws Exception {
        int sessions = Integer.parseInt(args[0]);
        OnlineUserCluster.Builder builder = OnlineUserCluster.builder().timeout(Duration.ofSeconds(10));
        List.of(args).subList(1, args.length).forEach(builder::target);
        try (OnlineUserCluster cluster = builder.build()) {
            cluster.online();
            listOnceAndClose(cluster, sessions);
            LiveHeap before = LiveHeap.measure();
            try (LiveCluster live = LiveCluster.builder(cluster).interval(INTERVAL).start()) {
                LiveBench.awaitIndexed(live, sessions);
                LiveHeap with = LiveHeap.measure();
                System.out.println("index memory, largest growth: " + with.largestGrowthSince(before, 8));
                ChildJvm.report("bytesPerSession", (with.total() - before.total()) / (double) sessions);
            }
        }
    }

    /** In a method of its own, so that no local variable of the caller keeps the first index reachable. */
    private static void listOnceAndClose(OnlineUserCluster cluster, int sessions) throws InterruptedException {
        try (LiveCluster first = LiveCluster.builder(cluster).interval(INTERVAL).start()) {
            LiveBench.awaitIndexed(first, sessions);
        }
        Thread.sleep(2000); // its polling threads end
    }
}
