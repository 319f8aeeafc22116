package io.onlineuser.bench.cold;

import io.onlineuser.bench.collector.CollectorBench;
import io.onlineuser.bench.collector.FreshCollectorJar;
import io.onlineuser.bench.process.ChildJvm;
import io.onlineuser.bench.process.MachineCpu;
import io.onlineuser.bench.process.ProcessCpu;
import io.onlineuser.bench.report.Pomelo;
import io.onlineuser.bench.report.Row;
import io.onlineuser.bench.report.Stats;
import io.onlineuser.bench.report.Target;
import io.onlineuser.sample.bots.Bots;
import io.onlineuser.testkit.ConnectorProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The first answers an operator gets: per round, 8 connector JVMs started fresh with the agent and
 * 10,000 users logged in between them, then a fresh collector JVM ({@link ColdProbe}) asks its
 * first {@value ColdProbe#COUNTS_CALLS} {@code online} and {@value ColdProbe#LISTING_CALLS} all-users
 * listings; then, once the whole machine is quiet, {@code java -jar onlineuser-collector.jar online}
 * and the launcher are timed as whole processes, alternating.
 * With {@value #PROFILE_ENV} set to a directory, async-profiler ({@code libasyncProfiler.so} named by
 * {@value #PROFILER_ENV}) records the probe and the first connector of the first round there.
 */
public final class ColdBench {

    static final String PROFILE_ENV = "COLD_PROFILE_DIR";
    static final String PROFILER_ENV = "ASYNC_PROFILER_LIB";
    private static final int JAR_RUNS = 5;
    /** "Quiet" before the CLI is timed: the whole machine below this many busy cores. */
    private static final double QUIET_CORES = 0.25;
    /** The agent's line once it has asked its own Jolokia ({@code jolokia.warmUpMillis}). */
    private static final String WARMED_UP = "Jolokia warmed up";

    private final int rounds;

    public ColdBench(boolean quick) {
        this.rounds = quick ? 2 : 3;
    }

    public List<Row> run() throws Exception {
        List<Double> first = new ArrayList<>();
        List<Double> firstWithBuild = new ArrayList<>();
        List<Double> counts = new ArrayList<>();
        List<Double> firstListing = new ArrayList<>();
        List<Double> listings = new ArrayList<>();
        List<Double> jar = new ArrayList<>();
        List<Double> launcher = new ArrayList<>();
        List<Double> launcherWriting = new ArrayList<>();
        List<Double> agentsCpu = new ArrayList<>();
        List<Double> cliBusyCores = new ArrayList<>();
        int users = 0;
        String missing = FreshCollectorJar.missing();
        if (missing != null) {
            throw new IllegalStateException(missing);
        }
        for (int round = 0; round < rounds; round++) {
            boolean profile = round == 0 && System.getenv(PROFILE_ENV) != null && System.getenv(PROFILER_ENV) != null;
            List<ConnectorProcess> connectors = CollectorBench.startConnectors(profile ? profilerArgument("connector") : null);
            List<Bots> players = new ArrayList<>();
            try {
                for (int i = 0; i < connectors.size(); i++) {
                    int each = CollectorBench.USERS / connectors.size();
                    players.add(Bots.builder("127.0.0.1", connectors.get(i).pomeloPort()).connections(each).logins(each)
                            .ratePerSecond(500).uidPrefix("c" + i + "-").start());
                }
                users = CollectorBench.awaitLoggedIn(players);
                for (ConnectorProcess connector : connectors) {
                    connector.awaitOutput(WARMED_UP, Duration.ofSeconds(120));
                }
                awaitQuiet(connectors);
                List<String> args = new ArrayList<>();
                args.add(Integer.toString(users));
                connectors.forEach(c -> args.add(c.jolokiaUrl()));
                List<String> jvmArgs = profile ? List.of(profilerArgument("probe")) : List.of();
                double agentsCpuBefore = agentsCpuSeconds(connectors);
                Map<String, List<Double>> samples = ChildJvm.run(ColdProbe.class, jvmArgs, args, 300);
                agentsCpu.add((agentsCpuSeconds(connectors) - agentsCpuBefore) * 1000 / (ColdProbe.COUNTS_CALLS + ColdProbe.LISTING_CALLS));
                List<Double> countsOfRound = samples.get("counts");
                first.add(countsOfRound.get(0));
                firstWithBuild.add(samples.get("firstWithBuild").get(0));
                counts.add(median(countsOfRound));
                firstListing.add(samples.get("logins").get(0));
                listings.add(median(samples.get("logins")));
                List<String> urls = connectors.stream().map(ConnectorProcess::jolokiaUrl).toList();
                cliBusyCores.add(awaitQuietMachine()); // the probe's calls left the agents compiling
                Path archives = Files.createTempDirectory("cold-cds");
                launcherWriting.add(FreshCollectorJar.launcherWallMillis(urls, archives));
                for (int run = 0; run < JAR_RUNS; run++) {
                    jar.add(FreshCollectorJar.wallMillis(urls));
                    launcher.add(FreshCollectorJar.launcherWallMillis(urls, archives));
                }
                System.err.printf("   cold round %d: first online %.1f ms, median of calls 1-%d %.2f ms; all users first %.1f ms,"
                        + " median %.1f ms; agents' CPU per call %.1f ms; fresh jar %s ms; launcher %s ms%n", round + 1, countsOfRound.get(0), ColdProbe.COUNTS_CALLS,
                        counts.get(round), firstListing.get(round), listings.get(round), agentsCpu.get(round), jar.subList(round * JAR_RUNS, jar.size()),
                        launcher.subList(round * JAR_RUNS, launcher.size()));
            } finally {
                players.forEach(Bots::close);
                connectors.forEach(ConnectorProcess::close);
            }
        }
        String setup = CollectorBench.CONNECTORS + " fresh connector JVMs, " + String.format("%,d", users) + " users, "
                + rounds + " rounds";
        return List.of(
                new Row("cold: first online call", Stats.of(toArray(first)), "ms", Target.atMost(150),
                        setup + "; a fresh collector JVM's first OnlineUserCluster.online(), the agents' first Jolokia request"),
                Row.context("cold: first online call, with building the cluster", Stats.of(toArray(firstWithBuild)), "ms",
                        "as above, plus OnlineUserCluster.builder()…build()"),
                new Row("cold: online, median of calls 1-" + ColdProbe.COUNTS_CALLS, Stats.of(toArray(counts)), "ms",
                        Target.atMost(Pomelo.COUNTS_FAN_OUT_MS), setup + "; per round the median; target: " + Pomelo.COUNTS),
                Row.context("cold: the agents' CPU per call, calls 1-" + (ColdProbe.COUNTS_CALLS + ColdProbe.LISTING_CALLS),
                        Stats.of(toArray(agentsCpu)), "ms", "all 8 connector JVMs' CPU time while the probe ran, ÷ its calls"),
                Row.context("cold: all users, first listing", Stats.of(toArray(firstListing)), "ms", setup),
                new Row("cold: all users, median of listings 1-" + ColdProbe.LISTING_CALLS, Stats.of(toArray(listings)), "ms",
                        Target.atMost(Pomelo.LIVE_LIST_MS), setup + "; target: " + Pomelo.LIVE_LIST),
                Row.context("cold: fresh java -jar onlineuser-collector.jar online", Stats.of(toArray(jar)), "ms",
                        "wall time of the whole process (JVM start, 8 requests, table printed), " + JAR_RUNS
                                + " per round after the probe, once the machine is quiet (" + busy(cliBusyCores)
                                + "), alternating with the launcher; " + setup),
                new Row("cold: fresh onlineuser-collector online (launcher)", Stats.of(toArray(launcher)), "ms", Target.atMost(400),
                        "as above, through the launcher mapping its class archive"),
                Row.context("cold: the launcher's first run, writing its archive", Stats.of(toArray(launcherWriting)), "ms",
                        "once per round, before the runs above"));
    }

    /**
     * Waits until the connector JVMs together use less than a fifth of a core (at most 120 s): a
     * JVM started seconds ago is still compiling its host's code, which on 2 cores would be timed
     * here as the agents' answers. "Fresh" agents are ones that have never been asked.
     */
    private static void awaitQuiet(List<ConnectorProcess> connectors) throws Exception {
        awaitBelow(0.2, "connectors", () -> {
            double before = agentsCpuSeconds(connectors);
            Thread.sleep(2_000);
            return (agentsCpuSeconds(connectors) - before) / 2;
        });
    }

    /**
     * Waits until the whole machine (agents, the bots' heartbeats, this JVM) uses less than
     * {@value #QUIET_CORES} of a core over 2 s; returns the cores busy in the last 2 s.
     */
    private static double awaitQuietMachine() throws Exception {
        return awaitBelow(QUIET_CORES, "machine", () -> MachineCpu.busyCores(2_000));
    }

    /** Samples {@code busyCores} (each sample takes 2 s) until below {@code cores}, at most 120 s; returns the last. */
    private static double awaitBelow(double cores, String what, BusyCores busyCores) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        double busy = busyCores.overTwoSeconds();
        while (busy >= cores && System.nanoTime() < deadline) {
            busy = busyCores.overTwoSeconds();
        }
        if (busy >= cores) {
            System.err.printf("   %s still busy after 120 s (%.2f cores); measuring anyway%n", what, busy);
        }
        return busy;
    }

    /** Cores busy on average over the next 2 s. */
    @FunctionalInterface
    private interface BusyCores {
        double overTwoSeconds() throws Exception;
    }

    private static String busy(List<Double> cores) {
        Stats busy = Stats.of(toArray(cores));
        return String.format("%.2f-%.2f cores busy just before", busy.min(), busy.max());
    }

    /** CPU seconds of all connector JVMs together. */
    private static double agentsCpuSeconds(List<ConnectorProcess> connectors) throws java.io.IOException {
        double total = 0;
        for (ConnectorProcess connector : connectors) {
            total += ProcessCpu.seconds(connector.pid());
        }
        return total;
    }

    /** async-profiler's JVM argument: CPU samples every ms, collapsed stacks in {@value #PROFILE_ENV}/{@code name}.collapsed. */
    private static String profilerArgument(String name) {
        return "-agentpath:" + System.getenv(PROFILER_ENV) + "=start,event=cpu,interval=1ms,collapsed,file="
                + Path.of(System.getenv(PROFILE_ENV)).toAbsolutePath().resolve(name + ".collapsed");
    }

    private static double median(List<Double> values) {
        return Stats.of(toArray(values)).median();
    }

    private static double[] toArray(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).toArray();
    }
}
