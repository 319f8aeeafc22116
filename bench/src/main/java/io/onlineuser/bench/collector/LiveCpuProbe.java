package io.onlineuser.bench.collector;

import io.onlineuser.bench.process.BenchConnectors;
import io.onlineuser.bench.process.ProcessCpu;
import io.onlineuser.collector.api.OnlineUserCluster;
import io.onlineuser.collector.jolokia.ConnectorClient;
import io.onlineuser.collector.jolokia.ConnectorTarget;
import io.onlineuser.collector.live.LiveCluster;
import io.onlineuser.sample.bots.Bots;
import io.onlineuser.testkit.ConnectorProcess;
import java.io.IOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * What one agent spends to keep the live index, thread by thread: one connector JVM (as the live
 * bench starts them) holding {@code users} logged-in players; per round, {@code seconds} followed
 * by a {@link LiveCluster} at 2 polls/s reading the counts on every poll, as long reading them
 * every 5 s (the default), and as long not followed. Prints the connector's utime+stime per window
 * and per thread (the JIT's compiler threads apart from Jolokia's), then each mode's CPU above
 * "not followed". {@code -DwarmPolls=N} first runs N polls at full speed (the agent's code
 * compiled, as after hours of polling); {@code -Dconnector.jvmArgs="-XX:+PrintCompilation"} adds flags.
 * <pre>java -cp bench/target/onlineuser-bench.jar io.onlineuser.bench.collector.LiveCpuProbe [users] [seconds] [rounds]</pre>
 */
public final class LiveCpuProbe {

    private static final Duration INTERVAL = Duration.ofMillis(500);

    private LiveCpuProbe() {
    }

    public static void main(String[] args) throws Exception {
        int users = args.length > 0 ? Integer.parseInt(args[0]) : 1250;
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 60;
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 2;
        Map<String, Duration> modes = new LinkedHashMap<>();
        modes.put("counts every poll", Duration.ZERO);
        modes.put("counts every 5 s", Duration.ofSeconds(5));
        modes.put("not followed", null);
        try (ConnectorProcess connector = connector();
             Bots players = Bots.builder("127.0.0.1", connector.pomeloPort()).connections(users).logins(users)
                     .ratePerSecond(500).uidPrefix("p-").start();
             OnlineUserCluster cluster = OnlineUserCluster.builder().timeout(Duration.ofSeconds(10))
                     .target(connector.jolokiaUrl()).build()) {
            System.out.println("connector pid " + connector.pid() + " jolokia " + connector.jolokiaUrl());
            while (players.loggedIn() < users) {
                Thread.sleep(100);
            }
            Thread.sleep(3000);
            int warmPolls = Integer.getInteger("warmPolls", 0);
            if (warmPolls > 0) {
                warm(connector, warmPolls);
            }
            Map<String, Double> total = new LinkedHashMap<>();
            for (int round = 0; round < rounds; round++) {
                for (Map.Entry<String, Duration> mode : modes.entrySet()) {
                    double spent;
                    if (mode.getValue() == null) {
                        spent = cpuSeconds(connector.pid(), seconds);
                    } else {
                        try (LiveCluster live = LiveCluster.builder(cluster).interval(INTERVAL).countsInterval(mode.getValue()).start()) {
                            live.awaitFirstPoll(Duration.ofSeconds(30));
                            Thread.sleep(2000); // the first listing is not the steady cost
                            spent = cpuSeconds(connector.pid(), seconds);
                        }
                    }
                    total.merge(mode.getKey(), spent, Double::sum);
                    System.out.printf("round %d, %-18s %.2f s CPU in %d s = %.3f %% of a core%n", round, mode.getKey() + ":",
                            spent, seconds, spent / seconds * 100);
                }
            }
            double baseline = total.get("not followed");
            double polls = rounds * seconds * 1000.0 / INTERVAL.toMillis();
            total.forEach((mode, spent) -> System.out.printf("%-18s %.3f %% of a core above not followed, %.2f ms CPU per poll%n",
                    mode + ":", (spent - baseline) / (rounds * seconds) * 100, (spent - baseline) * 1000 / polls));
        }
    }

    private static ConnectorProcess connector() throws IOException {
        ConnectorProcess.Builder builder = BenchConnectors.builder("probe-1", true).maxHeap("128m");
        for (String arg : System.getProperty("connector.jvmArgs", "").split(" ")) {
            if (!arg.isBlank()) {
                builder.jvmArg(arg);
            }
        }
        return builder.start();
    }

    /** {@code polls} live polls at full speed, so that the agent's Jolokia code is compiled. */
    private static void warm(ConnectorProcess connector, int polls) throws Exception {
        long start = System.nanoTime();
        try (ConnectorClient client = new ConnectorClient(ConnectorTarget.parse(connector.jolokiaUrl()), 10_000)) {
            client.readStats();
            String id = client.knownServerIds().get(0);
            String cursor = client.sessions(id, "", 1, true).cursor();
            for (int i = 0; i < polls; i++) {
                cursor = client.watch(Map.of(id, cursor), 10_000, true).changes().get(id).cursor();
            }
        }
        System.out.printf("warmed with %d polls in %.1f s%n", polls, (System.nanoTime() - start) / 1e9);
        Thread.sleep(5000);
    }

    /** The process's CPU seconds over {@code seconds}; prints the ticks (10 ms) of each thread name that ran. */
    private static double cpuSeconds(long pid, int seconds) throws Exception {
        double before = ProcessCpu.seconds(pid);
        Map<String, Long> threadsBefore = ProcessCpu.ticksByThread(pid);
        Thread.sleep(seconds * 1000L);
        Map<String, Long> threadsAfter = ProcessCpu.ticksByThread(pid);
        double spent = ProcessCpu.seconds(pid) - before;
        Map<String, Long> byName = new TreeMap<>();
        threadsAfter.forEach((id, ticks) -> {
            long delta = ticks - threadsBefore.getOrDefault(id, 0L);
            if (delta > 0) {
                byName.merge(id.substring(id.indexOf(' ') + 1).replaceAll("[0-9]+", "#"), delta, Long::sum);
            }
        });
        System.out.println("  ticks by thread: " + byName);
        return spent;
    }
}
