package io.onlineuser.bench.collector;

import io.onlineuser.testkit.ConnectorProcess;
import io.onlineuser.bench.process.ChildJvm;
import io.onlineuser.bench.process.ProcessCpu;
import io.onlineuser.bench.report.Pomelo;
import io.onlineuser.bench.report.Row;
import io.onlineuser.bench.report.Stats;
import io.onlineuser.bench.report.Target;
import io.onlineuser.collector.api.OnlineUserCluster;
import io.onlineuser.collector.live.LiveCluster;
import io.onlineuser.collector.live.LoginsQuery;
import io.onlineuser.sample.bots.Bots;
import io.onlineuser.sample.client.PomeloClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.IntConsumer;

/**
 * Live mode (list, then watch) in this JVM against the same 8 connector JVMs
 * and 10,000 users as {@link CollectorBench}. Answers from the index (online, find/isOnline, a page,
 * all users), how soon a login is visible under churn, index memory per session, the agents' CPU
 * to keep the index current, and the one-shot path cold and warm, with a fresh {@code java -jar} too.
 */
public final class LiveBench {

    /** One-shot calls after which the agents' Jolokia path is compiled too (see {@link #oneShotWarm}). */
    private static final int STEADY_CALLS = 5_000;

    private static final Duration INTERVAL = Duration.ofMillis(500);
    private static final int SETTLE_SECONDS = 10;
    private static final int WARM_POLL_SECONDS = 20;

    private final int runs;
    private final int callsPerRun;
    private final int probes;
    private final int cpuSeconds;
    private final int cpuRounds;

    public LiveBench(boolean quick) {
        this.runs = quick ? 3 : 7;
        this.callsPerRun = quick ? 2_000 : 10_000;
        this.probes = quick ? 50 : 200;
        this.cpuSeconds = quick ? 10 : 30;
        this.cpuRounds = quick ? 2 : 3;
    }

    public List<Row> run() throws Exception {
        List<ConnectorProcess> connectors = CollectorBench.startConnectors();
        List<Bots> players = new ArrayList<>();
        try {
            for (int i = 0; i < CollectorBench.CONNECTORS; i++) {
                int each = CollectorBench.USERS / CollectorBench.CONNECTORS;
                players.add(Bots.builder("127.0.0.1", connectors.get(i).pomeloPort()).connections(each).logins(each)
                        .ratePerSecond(500).uidPrefix("c" + i + "-").start());
            }
            int users = CollectorBench.awaitLoggedIn(players);
            return measure(connectors, users);
        } finally {
            players.forEach(Bots::close);
            connectors.forEach(ConnectorProcess::close);
        }
    }

    private List<Row> measure(List<ConnectorProcess> connectors, int users) throws Exception {
        List<String> urls = connectors.stream().map(ConnectorProcess::jolokiaUrl).toList();
        String setup = CollectorBench.CONNECTORS + " connector JVMs, " + String.format("%,d", users) + " users";
        List<Row> rows = new ArrayList<>();
        OnlineUserCluster.Builder builder = OnlineUserCluster.builder().timeout(Duration.ofSeconds(10));
        urls.forEach(builder::target);
        try (OnlineUserCluster cluster = builder.build()) {
            rows.add(Row.context("one-shot online, first call (cold)", Stats.of(timeMs(cluster::online)), "ms",
                    "a new OnlineUserCluster in a JVM that has run no collector code yet: class loading, connections"));
            rows.add(indexMemory(urls, users, setup));
            double[] earlyCpu;
            try (LiveCluster live = LiveCluster.builder(cluster).interval(INTERVAL).start()) {
                awaitIndexed(live, users);
                rows.addAll(answers(live, users, setup));
                rows.add(visibility(live, connectors, setup));
                earlyCpu = cpuWithMinusWithout(connectors, cluster, live);
            }
            rows.addAll(oneShotWarm(cluster, users, setup));
            rows.addAll(agentsCpu(earlyCpu, connectors, cluster));
        }
        rows.add(freshJar(urls));
        return rows;
    }

    /** Measured by {@link LiveIndexHeapProbe} in a JVM of its own, which holds the collector alone. */
    private static Row indexMemory(List<String> urls, int users, String setup) throws Exception {
        List<String> args = new ArrayList<>();
        args.add(Integer.toString(users));
        args.addAll(urls);
        double perSession = ChildJvm.run(LiveIndexHeapProbe.class, List.of("-Xmx512m"), args, 300).get("bytesPerSession").get(0);
        return new Row("live index memory per session", Stats.of(perSession), "bytes", Target.atMost(200),
                "live heap (GC.class_histogram) of a JVM running only the collector, with the index synced minus before it "
                        + "started, ÷ sessions; a first LiveCluster listed and closed before; " + setup);
    }

    private List<Row> answers(LiveCluster live, int users, String setup) {
        String[] uids = new String[1024];
        for (int i = 0; i < uids.length; i++) {
            uids[i] = "c" + i % CollectorBench.CONNECTORS + "-" + i % (users / CollectorBench.CONNECTORS);
        }
        int maxOffset = Math.max(1, users - 100);
        for (int i = 0; i < 50_000; i++) { // JIT warm-up of every path timed below
            live.online();
            live.find(uids[i % uids.length]);
            live.isOnline(uids[i % uids.length]);
            live.logins(new LoginsQuery(null, null, false, i % maxOffset, 100));
        }
        for (int i = 0; i < 50; i++) {
            live.logins(new LoginsQuery(null, null, false, 0, LoginsQuery.MAX_LIMIT));
        }
        Stats online = perRun(i -> live.online(), callsPerRun, 1000);
        Stats find = perRun(i -> live.find(uids[i % uids.length]), callsPerRun, 1000);
        Stats isOnline = perRun(i -> live.isOnline(uids[i % uids.length]), callsPerRun, 1000);
        Stats page = perRun(i -> live.logins(new LoginsQuery(null, null, false,
                ThreadLocalRandom.current().nextInt(maxOffset), 100)), callsPerRun / 10);
        Stats all = perRun(i -> live.logins(new LoginsQuery(null, null, false, 0, LoginsQuery.MAX_LIMIT)), 20);
        String per = "median per run of " + runs + " runs; " + setup + "; index warm";
        return List.of(
                new Row("live online", online, "µs", Target.atMost(200), per + "; " + Pomelo.COUNTS),
                new Row("live find UID", find, "µs", Target.atMost(50), per),
                new Row("live isOnline UID", isOnline, "µs", Target.atMost(50), per),
                new Row("live page of 100 users (random offset)", page, "ms", Target.atMost(1), per),
                new Row("live all 10,000 users", all, "ms", Target.atMost(15), per + "; " + Pomelo.LISTS));
    }

    /**
     * A probe client logs in a fresh uid on a random connector while churn bots log in and out;
     * the clock starts when the connector answered the login (it counted it before answering) and
     * stops when the index sees the uid.
     */
    private Row visibility(LiveCluster live, List<ConnectorProcess> connectors, String setup) throws Exception {
        List<Bots> churn = new ArrayList<>();
        for (int i = 0; i < connectors.size(); i++) {
            churn.add(Bots.builder("127.0.0.1", connectors.get(i).pomeloPort()).connections(2).logins(2).churn(true)
                    .uidPrefix("churn" + i + "-").start());
        }
        try {
            Thread.sleep(2000);
            long loginsBefore = churn.stream().mapToLong(Bots::loginsTotal).sum();
            long start = System.nanoTime();
            double[] latencies = new double[probes];
            for (int n = 0; n < probes; n++) {
                ConnectorProcess connector = connectors.get(ThreadLocalRandom.current().nextInt(connectors.size()));
                try (PomeloClient probe = PomeloClient.connectTcp("127.0.0.1", connector.pomeloPort())) {
                    String uid = "probe-" + n;
                    if (probe.login(uid) != 200) {
                        throw new IllegalStateException("probe login refused: " + probe.lastError());
                    }
                    long counted = System.nanoTime();
                    while (!live.isOnline(uid)) {
                        if (System.nanoTime() - counted > TimeUnit.SECONDS.toNanos(30)) {
                            throw new IllegalStateException(uid + " not visible in the index after 30 s");
                        }
                        Thread.sleep(1);
                    }
                    latencies[n] = (System.nanoTime() - counted) / 1e6;
                }
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            double rate = (churn.stream().mapToLong(Bots::loginsTotal).sum() - loginsBefore) / seconds;
            double[] sorted = latencies.clone();
            Arrays.sort(sorted);
            double p99 = sorted[Math.min(sorted.length - 1, (int) Math.ceil(sorted.length * 0.99) - 1)];
            return new Row("live login visible, p99", Stats.of(p99), "ms", Target.atMost(1000), String.format(
                    "%d probe logins, median %.0f ms, max %.0f ms; poll interval %d ms; churn %.0f logins/s across the cluster; %s",
                    probes, Stats.of(latencies).median(), sorted[sorted.length - 1], INTERVAL.toMillis(), rate, setup));
        } finally {
            churn.forEach(Bots::close);
        }
    }

    /**
     * CPU of the connector JVMs with the index followed at 2 polls/s, minus the same time without,
     * alternated {@code cpuRounds} times. Each window with polls starts {@value #SETTLE_SECONDS} s
     * after the churn stopped or a new LiveCluster began listing: their after-effects (logouts,
     * the JIT compiling the listing's path) are not the cost of keeping the index.
     */
    /**
     * The agents' CPU to keep the index, twice: {@code early}, measured in the first minute of
     * polling (the connectors' JIT still compiling Jolokia's request path, which at 2 requests/s
     * takes tens of minutes), and steady, after each agent has answered {@value #WARM_POLL_SECONDS} s
     * of polls every ~5 ms, changes-only and with counts (thousands of each, what half an hour at
     * 2 polls/s gives), as an operator sees it once the master has run a while.
     */
    private List<Row> agentsCpu(double[] early, List<ConnectorProcess> connectors, OnlineUserCluster cluster) throws Exception {
        try (LiveCluster fast = LiveCluster.builder(cluster).interval(Duration.ofMillis(5)).countsInterval(Duration.ofMillis(10)).start()) {
            Thread.sleep(TimeUnit.SECONDS.toMillis(WARM_POLL_SECONDS));
        }
        double[] steady = cpuWithMinusWithout(connectors, cluster, null);
        String method = String.format("(CPU of the %d connector JVMs with live mode − without) ÷ time ÷ connectors; %d × %d s each, "
                + "alternated, each with-window %d s after the churn or listing; of it the JIT's compiler threads: ",
                connectors.size(), cpuRounds, cpuSeconds, SETTLE_SECONDS);
        return List.of(
                Row.context("agents' CPU to keep the index, first minute of polls", Stats.of(early[0]), "% of a core each",
                        method + String.format("%.2f %%", early[1])),
                new Row("agents' CPU to keep the index (2 polls/s, no churn)", Stats.of(steady[0]), "% of a core each", Target.atMost(1),
                        method + String.format("%.2f %%; after %d s of polls every ~5 ms (the agents' request path compiled)",
                                steady[1], WARM_POLL_SECONDS)));
    }

    /** {per agent %, of it the JIT's %}; {@code live} is the first with-window's cluster when one is running, else one is started. */
    private double[] cpuWithMinusWithout(List<ConnectorProcess> connectors, OnlineUserCluster cluster, LiveCluster live) throws Exception {
        if (live != null) {
            Thread.sleep(TimeUnit.SECONDS.toMillis(SETTLE_SECONDS));
        }
        double[] with = new double[2];
        double[] without = new double[2];
        LiveCluster following = live;
        for (int round = 0; round < cpuRounds; round++) {
            if (following == null) {
                following = LiveCluster.builder(cluster).interval(INTERVAL).start();
                Thread.sleep(TimeUnit.SECONDS.toMillis(SETTLE_SECONDS));
            }
            add(with, cpuSeconds(connectors));
            following.close();
            following = null;
            add(without, cpuSeconds(connectors));
        }
        double seconds = (double) cpuRounds * cpuSeconds * connectors.size();
        return new double[] {(with[0] - without[0]) / seconds * 100, (with[1] - without[1]) / seconds * 100};
    }

    private static void add(double[] sum, double[] more) {
        sum[0] += more[0];
        sum[1] += more[1];
    }

    private List<Row> oneShotWarm(OnlineUserCluster cluster, int users, String setup) {
        for (int i = 0; i < 300; i++) {
            cluster.online();
        }
        IntConsumer online = i -> {
            if (cluster.online().totals().loginedCount() < users / 2) {
                throw new IllegalStateException("one-shot online lost connectors");
            }
        };
        Stats early = perRun(online, 200);
        for (int i = 0; i < STEADY_CALLS; i++) {
            cluster.online();
        }
        Stats steady = perRun(online, 200);
        String per = "median of 200 calls per run, " + runs + " runs; one Jolokia request per connector; " + setup;
        return List.of(
                Row.context("one-shot online, warm collector, agents early", early, "ms",
                        per + "; after 300 calls (the agents' Jolokia code not compiled yet)"),
                new Row("one-shot online, warm", steady, "ms", Target.atMost(3),
                        per + "; after " + String.format("%,d", STEADY_CALLS) + " more calls (collector and agents compiled); " + Pomelo.COUNTS));
    }

    private Row freshJar(List<String> urls) throws Exception {
        String missing = FreshCollectorJar.missing();
        if (missing != null) {
            return Row.failed("fresh java -jar onlineuser-collector.jar online", missing);
        }
        double[] wall = new double[Math.max(3, runs)];
        for (int i = 0; i < wall.length; i++) {
            try {
                wall[i] = FreshCollectorJar.wallMillis(urls);
            } catch (java.io.IOException e) {
                return Row.failed("fresh java -jar onlineuser-collector.jar online", e.getMessage());
            }
        }
        return Row.context("fresh java -jar onlineuser-collector.jar online", Stats.of(wall), "ms",
                "wall time of the whole process (JVM start, 8 requests, table printed), " + wall.length + " runs");
    }

    private Stats perRun(IntConsumer call, int calls) {
        return perRun(call, calls, 1);
    }

    /** Per run the median of {@code calls} calls, in ms × {@code scale} (1000: µs). */
    private Stats perRun(IntConsumer call, int calls, double scale) {
        double[] medians = new double[runs];
        for (int run = 0; run < runs; run++) {
            double[] samples = new double[calls];
            for (int i = 0; i < calls; i++) {
                long start = System.nanoTime();
                call.accept(i);
                samples[i] = (System.nanoTime() - start) / 1e6 * scale;
            }
            medians[run] = Stats.of(samples).median();
        }
        return Stats.of(medians);
    }

    private static double[] timeMs(Runnable call) {
        long start = System.nanoTime();
        call.run();
        return new double[] {(System.nanoTime() - start) / 1e6};
    }

    static void awaitIndexed(LiveCluster live, int users) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (live.online().totals().loginedCount() < users) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("index holds " + live.online().totals().loginedCount() + " of " + users);
            }
            Thread.sleep(50);
        }
    }

    /** CPU seconds the connector JVMs spend over {@code cpuSeconds} of wall time: {all, their compiler threads'}. */
    private double[] cpuSeconds(List<ConnectorProcess> connectors) throws Exception {
        double[] before = new double[2];
        for (ConnectorProcess connector : connectors) {
            add(before, ProcessCpu.of(connector.pid()));
        }
        Thread.sleep(TimeUnit.SECONDS.toMillis(cpuSeconds));
        double[] spent = new double[2];
        for (ConnectorProcess connector : connectors) {
            add(spent, ProcessCpu.of(connector.pid()));
        }
        return new double[] {spent[0] - before[0], spent[1] - before[1]};
    }
}
