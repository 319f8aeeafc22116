package io.onlineuser.bench.collector;

import io.onlineuser.bench.process.BenchConnectors;
import io.onlineuser.bench.report.Pomelo;
import io.onlineuser.bench.report.Row;
import io.onlineuser.bench.report.Stats;
import io.onlineuser.bench.report.Target;
import io.onlineuser.sample.bots.Bots;
import io.onlineuser.testkit.ConnectorProcess;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;

/**
 * The collector library, in this JVM, against 8 real connector JVMs with the agent holding 10,000
 * logged-in users between them ({@link Pomelo}'s master beside it). With
 * {@code COLLECTOR_BASELINE_JAR} set to another shaded collector jar, that collector is timed in the
 * same run, calls alternated.
 */
public final class CollectorBench {

    public static final int CONNECTORS = 8;
    public static final int USERS = 10_000;
    /** online + find pairs before timing: enough for the agents' Jolokia path to be compiled (300 timed its JIT warm-up). */
    private static final int WARM_UP_CALLS = 3_000;
    /** Listings per run: one listing is a single sample, as noisy as one call on a shared machine. */
    private static final int LISTINGS_PER_RUN = 5;
    /** Another onlineuser-collector.jar to time side by side with this one (A/B in one run). */
    static final String BASELINE_ENV = "COLLECTOR_BASELINE_JAR";

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
        List<ConnectorProcess> connectors = startConnectors();
        List<Bots> players = new ArrayList<>();
        try {
            for (int i = 0; i < CONNECTORS; i++) {
                players.add(Bots.builder("127.0.0.1", connectors.get(i).pomeloPort()).connections(USERS / CONNECTORS)
                        .logins(USERS / CONNECTORS).ratePerSecond(500).uidPrefix("c" + i + "-").start());
            }
            int users = awaitLoggedIn(players);
            List<String> urls = connectors.stream().map(ConnectorProcess::jolokiaUrl).toList();
            return measure(urls, users);
        } finally {
            players.forEach(Bots::close);
            connectors.forEach(ConnectorProcess::close);
        }
    }

    /**
     * Times this bench's collector and, when {@value #BASELINE_ENV} names another collector jar,
     * that one too against the same connectors, every call alternated between the two, so that
     * both see the same machine at the same moment (the ratio is the figure to trust on a shared one).
     */
    List<Row> measure(List<String> urls, int users) throws Exception {
        String baselineJar = System.getenv(BASELINE_ENV);
        try (ClusterUnderTest current = ClusterUnderTest.current(urls);
             ClusterUnderTest baseline = baselineJar == null || baselineJar.isBlank() ? null
                     : ClusterUnderTest.fromJar(Path.of(baselineJar), urls)) {
            List<ClusterUnderTest> clusters = baseline == null ? List.of(current) : List.of(current, baseline);
            Timings[] timings = time(clusters, users);
            String setup = CONNECTORS + " connector JVMs (-Xmx128m), " + String.format("%,d", users) + " users";
            List<Row> rows = new ArrayList<>(List.of(
                    new Row("collector online (counts only)", timings[0].online(), "ms", Target.atMost(2),
                            setup + "; median of " + callsPerRun + " calls per run; " + Pomelo.COUNTS + ratio(timings, Timings::online)),
                    new Row("collector logins (all users)", timings[0].logins(), "ms", Target.atMost(20),
                            setup + "; median of " + LISTINGS_PER_RUN + " listings per run; " + Pomelo.LISTS
                                    + ratio(timings, Timings::logins)),
                    new Row("collector find UID", timings[0].find(), "ms", Target.atMost(2),
                            setup + "; median of " + callsPerRun + " calls per run" + ratio(timings, Timings::find))));
            if (baseline != null) {
                String note = "baseline " + Path.of(baselineJar).getFileName() + ", calls alternated with the row above";
                rows.add(Row.context("  baseline collector online", timings[1].online(), "ms", note));
                rows.add(Row.context("  baseline collector logins", timings[1].logins(), "ms", note));
                rows.add(Row.context("  baseline collector find UID", timings[1].find(), "ms", note));
            }
            return rows;
        }
    }

    private Timings[] time(List<ClusterUnderTest> clusters, int users) {
        // warm up the keep-alive connections and the JIT of both ends: each agent's Jolokia path
        // needs a few thousand requests (fresh connectors: 22 ms per online() after 300 calls, ~2 ms after 4,000)
        for (int i = 0; i < WARM_UP_CALLS; i++) {
            for (ClusterUnderTest cluster : clusters) {
                online(cluster, users);
                find(cluster, i);
            }
        }
        for (int i = 0; i < 10; i++) {
            for (ClusterUnderTest cluster : clusters) {
                logins(cluster, users);
            }
        }
        int n = clusters.size();
        double[][] onlineMs = new double[n][runs];
        double[][] loginsMs = new double[n][runs];
        double[][] findMs = new double[n][runs];
        for (int run = 0; run < runs; run++) {
            double[][] online = new double[n][callsPerRun];
            double[][] find = new double[n][callsPerRun];
            double[][] logins = new double[n][LISTINGS_PER_RUN];
            for (int call = 0; call < callsPerRun; call++) {
                for (int c = 0; c < n; c++) {
                    int which = (c + call) % n; // who goes first alternates too
                    online[which][call] = online(clusters.get(which), users);
                    find[which][call] = find(clusters.get(which), run * callsPerRun + call);
                }
            }
            for (int listing = 0; listing < LISTINGS_PER_RUN; listing++) {
                for (int c = 0; c < n; c++) {
                    int which = (c + listing) % n;
                    logins[which][listing] = logins(clusters.get(which), users);
                }
            }
            for (int c = 0; c < n; c++) {
                onlineMs[c][run] = Stats.of(online[c]).median();
                findMs[c][run] = Stats.of(find[c]).median();
                loginsMs[c][run] = Stats.of(logins[c]).median();
            }
        }
        Timings[] timings = new Timings[n];
        for (int c = 0; c < n; c++) {
            timings[c] = new Timings(Stats.of(onlineMs[c]), Stats.of(loginsMs[c]), Stats.of(findMs[c]));
        }
        return timings;
    }

    /** "; baseline ÷ this: 1.8x" when a baseline ran, from the medians. */
    private static String ratio(Timings[] timings, Function<Timings, Stats> figure) {
        if (timings.length < 2) {
            return "";
        }
        return String.format("; baseline ÷ this: %.2fx", figure.apply(timings[1]).median() / figure.apply(timings[0]).median());
    }

    private static double online(ClusterUnderTest cluster, int users) {
        long start = System.nanoTime();
        long counted = cluster.online();
        double ms = (System.nanoTime() - start) / 1e6;
        if (counted != users) {
            throw new IllegalStateException("online counted " + counted + " logged-in users, expected " + users);
        }
        return ms;
    }

    /** Looks up a logged-in player, who must be found on the one connector it logged in to. */
    private static double find(ClusterUnderTest cluster, int index) {
        int connector = index % CONNECTORS;
        String uid = "c" + connector + "-" + index % (USERS / CONNECTORS);
        long start = System.nanoTime();
        List<String> servers = cluster.find(uid);
        double ms = (System.nanoTime() - start) / 1e6;
        if (!servers.equals(List.of(serverId(connector)))) {
            throw new IllegalStateException("find " + uid + " found it on " + servers + ", expected " + serverId(connector));
        }
        return ms;
    }

    private static String serverId(int connector) {
        return "bench-connector-" + (connector + 1);
    }

    private static double logins(ClusterUnderTest cluster, int users) {
        long start = System.nanoTime();
        long rows = cluster.logins();
        double ms = (System.nanoTime() - start) / 1e6;
        if (rows != users) {
            throw new IllegalStateException("logins gave " + rows + " rows, expected " + users);
        }
        return ms;
    }

    /** One collector's figures: per run, the median of its calls. */
    private record Timings(Stats online, Stats logins, Stats find) {
    }

    /** Starts the connectors two at a time: eight JVMs starting at once take longer on 2 cores. */
    static List<ConnectorProcess> startConnectors() throws Exception {
        return startConnectors(null);
    }

    /** As {@link #startConnectors()}; {@code firstJvmArg}, when not null, is given to the first one (a profiler). */
    public static List<ConnectorProcess> startConnectors(String firstJvmArg) throws Exception {
        ExecutorService starter = Executors.newFixedThreadPool(2);
        List<Future<ConnectorProcess>> starting = new ArrayList<>();
        for (int i = 0; i < CONNECTORS; i++) {
            String id = serverId(i);
            ConnectorProcess.Builder builder = BenchConnectors.builder(id, true).maxHeap("128m");
            if (i == 0 && firstJvmArg != null) {
                builder.jvmArg(firstJvmArg);
            }
            starting.add(starter.submit(builder::start));
        }
        starter.shutdown();
        List<ConnectorProcess> started = new ArrayList<>();
        Exception failure = null;
        for (Future<ConnectorProcess> future : starting) {
            try {
                started.add(future.get());
            } catch (Exception e) {
                failure = e;
            }
        }
        if (failure != null) {
            started.forEach(ConnectorProcess::close);
            throw failure;
        }
        return started;
    }

    /**
     * Waits until every player is logged in, or until none has logged in for 60 s (a starved
     * machine drops some: bots do not reconnect); returns how many are, which the answers must match.
     */
    public static int awaitLoggedIn(List<Bots> players) throws InterruptedException {
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
