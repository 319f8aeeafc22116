package io.onlineuser.bench.collector;

import io.onlineuser.bench.report.Row;
import io.onlineuser.bench.report.Stats;
import io.onlineuser.bench.report.Target;
import io.onlineuser.collector.api.ClusterSnapshot;
import io.onlineuser.collector.api.LoginsSummary;
import io.onlineuser.collector.api.OnlineUserCluster;
import io.onlineuser.collector.api.UserLookup;
import io.onlineuser.sample.bots.Bots;
import io.onlineuser.bench.process.Connector;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.LongAdder;

/**
 * Issue 6 item 5: the collector library, in this JVM, against 8 real connector JVMs with the
 * agent holding 10,000 logged-in users between them (Pomelo's master: ~3.5 ms for counts,
 * ~12 ms cached / ~33 ms live with the list, on this kind of machine).
 */
public final class CollectorBench {

    private static final int CONNECTORS = 8;
    private static final int USERS = 10_000;

    private final int runs;
    private final int callsPerRun;

    public CollectorBench(boolean quick) {
        this(quick ? 3 : 7, quick ? 50 : 200);
    }

    public CollectorBench(int runs, int callsPerRun) {
        this.runs = runs;
        this.callsPerRun = callsPerRun;
    }

    public List<Row> run() throws Exception {
        List<Connector> connectors = startConnectors();
        List<Bots> players = new ArrayList<>();
        try {
            for (int i = 0; i < CONNECTORS; i++) {
                players.add(Bots.builder("127.0.0.1", connectors.get(i).port()).connections(USERS / CONNECTORS)
                        .logins(USERS / CONNECTORS).ratePerSecond(500).uidPrefix("c" + i + "-").start());
            }
            int users = awaitLoggedIn(players);
            OnlineUserCluster.Builder builder = OnlineUserCluster.builder().timeout(Duration.ofSeconds(10));
            connectors.forEach(c -> builder.target(c.jolokiaUrl()));
            try (OnlineUserCluster cluster = builder.build()) {
                return measure(cluster, users);
            }
        } finally {
            players.forEach(Bots::close);
            connectors.forEach(Connector::close);
        }
    }

    private List<Row> measure(OnlineUserCluster cluster, int users) {
        for (int i = 0; i < 200; i++) { // warm up the JIT and the keep-alive connections
            online(cluster, users);
            find(cluster, i);
        }
        for (int i = 0; i < 5; i++) {
            logins(cluster, users);
        }
        double[] onlineMs = new double[runs];
        double[] loginsMs = new double[runs];
        double[] findMs = new double[runs];
        for (int run = 0; run < runs; run++) {
            double[] online = new double[callsPerRun];
            double[] find = new double[callsPerRun];
            for (int call = 0; call < callsPerRun; call++) {
                online[call] = online(cluster, users);
                find[call] = find(cluster, run * callsPerRun + call);
            }
            onlineMs[run] = Stats.of(online).median();
            findMs[run] = Stats.of(find).median();
            loginsMs[run] = logins(cluster, users);
        }
        String setup = CONNECTORS + " connector JVMs (-Xmx128m), " + String.format("%,d", users) + " users";
        return List.of(
                new Row("collector online (counts only)", Stats.of(onlineMs), "ms", Target.atMost(2),
                        setup + "; median of " + callsPerRun + " calls per run; Pomelo ~3.5 ms"),
                new Row("collector logins (all users)", Stats.of(loginsMs), "ms", Target.atMost(20),
                        setup + "; one full listing per run; Pomelo ~12 ms cached, ~33 ms live"),
                new Row("collector find UID", Stats.of(findMs), "ms", Target.atMost(2),
                        setup + "; median of " + callsPerRun + " calls per run"));
    }

    private static double online(OnlineUserCluster cluster, int users) {
        long start = System.nanoTime();
        ClusterSnapshot snapshot = cluster.online();
        double ms = (System.nanoTime() - start) / 1e6;
        if (!snapshot.complete() || snapshot.totals().loginedCount() != users) {
            throw new IllegalStateException("online answered " + snapshot.totals() + ", errors " + snapshot.errors());
        }
        return ms;
    }

    /** Looks up a player who was logged in; a starved machine may have dropped them, not an error. */
    private static double find(OnlineUserCluster cluster, int index) {
        String uid = "c" + index % CONNECTORS + "-" + index % (USERS / CONNECTORS);
        long start = System.nanoTime();
        UserLookup lookup = cluster.find(uid);
        double ms = (System.nanoTime() - start) / 1e6;
        if (!lookup.errors().isEmpty()) {
            throw new IllegalStateException("find " + uid + " failed: " + lookup.errors());
        }
        return ms;
    }

    private static double logins(OnlineUserCluster cluster, int users) {
        LongAdder seen = new LongAdder();
        long start = System.nanoTime();
        LoginsSummary summary = cluster.logins(null, 0, entry -> seen.increment());
        double ms = (System.nanoTime() - start) / 1e6;
        if (summary.rows() != users || seen.sum() != users || !summary.errors().isEmpty()) {
            throw new IllegalStateException("logins gave " + seen.sum() + " rows, errors " + summary.errors());
        }
        return ms;
    }

    /** Starts the connectors two at a time: eight JVMs starting at once take longer on 2 cores. */
    private static List<Connector> startConnectors() throws Exception {
        ExecutorService starter = Executors.newFixedThreadPool(2);
        List<Future<Connector>> starting = new ArrayList<>();
        for (int i = 0; i < CONNECTORS; i++) {
            String id = "bench-connector-" + (i + 1);
            starting.add(starter.submit(() -> Connector.start(id, true, List.of("-Xmx128m", "-XX:+UseSerialGC"))));
        }
        starter.shutdown();
        List<Connector> started = new ArrayList<>();
        Exception failure = null;
        for (Future<Connector> future : starting) {
            try {
                started.add(future.get());
            } catch (Exception e) {
                failure = e;
            }
        }
        if (failure != null) {
            started.forEach(Connector::close);
            throw failure;
        }
        return started;
    }

    /**
     * Waits until every player is logged in, or until none has logged in for 60 s (a starved
     * machine drops some: bots do not reconnect); returns how many are, which the answers must match.
     */
    private static int awaitLoggedIn(List<Bots> players) throws InterruptedException {
        long lastProgress = System.nanoTime();
        int loggedIn = 0;
        while (loggedIn < USERS && System.nanoTime() - lastProgress < Duration.ofSeconds(60).toNanos()) {
            Thread.sleep(500);
            int now = players.stream().mapToInt(Bots::loggedIn).sum();
            if (now > loggedIn) {
                lastProgress = System.nanoTime();
            }
            loggedIn = now;
        }
        if (loggedIn < USERS) {
            System.err.printf("   only %,d of %,d players logged in; measuring with them%n", loggedIn, USERS);
        }
        return loggedIn;
    }
}
