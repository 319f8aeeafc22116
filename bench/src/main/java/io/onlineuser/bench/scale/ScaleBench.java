package io.onlineuser.bench.scale;

import io.onlineuser.bench.memory.MemoryProbe;
import io.onlineuser.bench.overhead.HeldUsers;
import io.onlineuser.bench.process.BenchConnectors;
import io.onlineuser.bench.process.ChildJvm;
import io.onlineuser.bench.report.Row;
import io.onlineuser.bench.report.Stats;
import io.onlineuser.bench.report.Target;
import io.onlineuser.testkit.ConnectorProcess;
import io.onlineuser.testkit.JolokiaHttp;
import java.io.IOException;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Connectors holding many players with the agent (counts exact, heap and CPU
 * beside the same connectors without it), and the tracker alone driven to a million sessions.
 */
public final class ScaleBench {

    private static final String STATS = "onlineuser:type=ConnectionStats,serverId=";

    private final int connectionsPerConnector;
    private final int connectors;
    private final int trackerSessions;
    private final Duration hold;

    public ScaleBench(int connectionsPerConnector, int connectors, int trackerSessions, Duration hold) {
        this.connectionsPerConnector = connectionsPerConnector;
        this.connectors = connectors;
        this.trackerSessions = trackerSessions;
        this.hold = hold;
    }

    public List<Row> run() throws Exception {
        List<Row> rows = new ArrayList<>(trackerAlone());
        Measured without = holdPlayers(false);
        Measured with = holdPlayers(true);
        String setup = String.format("%d connector(s) × %,d players", connectors, connectionsPerConnector);
        rows.add(new Row("agent TotalConnCount while held", Stats.of(with.totalConnCount), "connections",
                Target.exactly(connectionsPerConnector), setup + ", per connector"));
        rows.add(new Row("agent LoginedCount while held", Stats.of(with.loginedCount), "users",
                Target.exactly(connectionsPerConnector), setup + ", per connector"));
        rows.add(new Row("agent TotalConnCount after all left", Stats.of(with.countAfterLeaving), "connections",
                Target.exactly(0), setup + ", per connector"));
        rows.add(Row.context("connector live heap, without agent", Stats.of(without.liveHeapMiB), "MiB",
                setup + ", after full GC while held"));
        rows.add(Row.context("connector live heap, with agent", Stats.of(with.liveHeapMiB), "MiB",
                setup + ", after full GC while held"));
        double[] perPlayer = new double[connectors];
        for (int i = 0; i < connectors; i++) {
            perPlayer[i] = (with.liveHeapMiB[i] - without.liveHeapMiB[i]) * 1024 * 1024 / connectionsPerConnector;
        }
        rows.add(Row.context("agent heap per held player in a connector", Stats.of(perPlayer), "bytes",
                "(with − without) ÷ players; includes the agent's fixed cost (Jolokia, MBeans)"));
        rows.add(Row.context("connector CPU while players connect, without agent", Stats.of(without.rampCpuSeconds),
                "CPU s", setup));
        rows.add(Row.context("connector CPU while players connect, with agent", Stats.of(with.rampCpuSeconds),
                "CPU s", setup));
        rows.add(Row.context("connector CPU holding idle players, without agent", Stats.of(without.idleCpuPercent),
                "% of a core", "heartbeats only, over " + hold.toSeconds() + " s"));
        rows.add(Row.context("connector CPU holding idle players, with agent", Stats.of(with.idleCpuPercent),
                "% of a core", "heartbeats only, over " + hold.toSeconds() + " s"));
        return rows;
    }

    private List<Row> trackerAlone() throws Exception {
        Map<String, List<Double>> samples = ChildJvm.run(MemoryProbe.class,
                List.of("-Xmx2g", "-Xms2g", "-XX:+UseSerialGC"), List.of(String.valueOf(trackerSessions)), 600);
        double seconds = samples.get("fillSeconds").get(0);
        String what = String.format("%,d", trackerSessions);
        return List.of(
                Row.context("tracker alone: open + login of " + what + " sessions", Stats.of(seconds), "s",
                        String.format("%,.0f events/s on one thread; counts checked exact", 2 * trackerSessions / seconds)),
                Row.context("tracker alone: heap per session at " + what, Stats.of(samples.get("bytesPerUser")), "bytes",
                        "live heap after full GC"));
    }

    /** Holds the players on fresh connectors, measures, lets them go; one value per connector. */
    private Measured holdPlayers(boolean withAgent) throws Exception {
        Measured measured = new Measured(connectors);
        List<ConnectorProcess> started = new ArrayList<>();
        List<HeldUsers> players = new ArrayList<>();
        try {
            for (int i = 0; i < connectors; i++) {
                started.add(BenchConnectors.builder(serverId(withAgent, i), withAgent).maxHeap("1g").start());
            }
            long[] cpuBefore = cpuNanos(started);
            for (int i = 0; i < connectors; i++) {
                // no source address: a bind(address, 0) draws from the ephemeral range shared with every
                // socket in TIME_WAIT (seen: 15,000 of 28,232 ports unusable after earlier runs), while
                // connect() alone may reuse a port towards another connector's port
                players.add(HeldUsers.hold(started.get(i).pomeloPort(), connectionsPerConnector, "scale-", null));
                System.err.printf("   %s holds %,d players%n", serverId(withAgent, i), connectionsPerConnector);
            }
            long[] cpuHeld = cpuNanos(started);
            Thread.sleep(hold.toMillis());
            long[] cpuAfterHold = cpuNanos(started);
            for (int i = 0; i < connectors; i++) {
                measured.rampCpuSeconds[i] = (cpuHeld[i] - cpuBefore[i]) / 1e9;
                measured.idleCpuPercent[i] = 100.0 * (cpuAfterHold[i] - cpuHeld[i]) / hold.toNanos();
                measured.liveHeapMiB[i] = liveHeapBytes(started.get(i).pid()) / 1024.0 / 1024.0;
                if (withAgent) {
                    JolokiaHttp jolokia = new JolokiaHttp(started.get(i).jolokiaUrl());
                    measured.totalConnCount[i] = jolokia.read(STATS + serverId(true, i), "TotalConnCount").asInt();
                    measured.loginedCount[i] = jolokia.read(STATS + serverId(true, i), "LoginedCount").asInt();
                }
            }
            for (HeldUsers held : players) {
                held.close();
            }
            players.clear();
            if (withAgent) {
                for (int i = 0; i < connectors; i++) {
                    measured.countAfterLeaving[i] = awaitZero(new JolokiaHttp(started.get(i).jolokiaUrl()), serverId(true, i));
                }
            }
            return measured;
        } finally {
            for (HeldUsers held : players) {
                held.close();
            }
            started.forEach(ConnectorProcess::close);
        }
    }

    private static String serverId(boolean withAgent, int index) {
        return (withAgent ? "scale-agent-" : "scale-plain-") + (index + 1);
    }

    private static long[] cpuNanos(List<ConnectorProcess> connectors) {
        long[] nanos = new long[connectors.size()];
        for (int i = 0; i < nanos.length; i++) {
            nanos[i] = ProcessHandle.of(connectors.get(i).pid()).flatMap(p -> p.info().totalCpuDuration())
                    .map(Duration::toNanos).orElse(0L);
        }
        return nanos;
    }

    /** The connector's live heap as {@code jcmd PID GC.class_histogram} counts it (forces a full GC). */
    private static long liveHeapBytes(long pid) throws IOException, InterruptedException {
        String jcmd = Paths.get(System.getProperty("java.home"), "bin", "jcmd").toString();
        Process process = new ProcessBuilder(jcmd, String.valueOf(pid), "GC.class_histogram").redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        process.waitFor();
        for (String line : output.split("\n")) {
            String[] columns = line.trim().split("\\s+");
            if (columns.length == 3 && columns[0].equals("Total")) {
                return Long.parseLong(columns[2]);
            }
        }
        throw new IOException("no Total line from jcmd GC.class_histogram:\n" + output);
    }

    /** Waits (up to 60 s) for every connection to be counted closed; returns the last count seen. */
    private static double awaitZero(JolokiaHttp jolokia, String serverId) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        int count = jolokia.read(STATS + serverId, "TotalConnCount").asInt();
        while (count != 0 && System.nanoTime() < deadline) {
            Thread.sleep(200);
            count = jolokia.read(STATS + serverId, "TotalConnCount").asInt();
        }
        return count;
    }

    /** Per connector figures of one pass. */
    private static final class Measured {
        final double[] totalConnCount;
        final double[] loginedCount;
        final double[] countAfterLeaving;
        final double[] liveHeapMiB;
        final double[] rampCpuSeconds;
        final double[] idleCpuPercent;

        Measured(int connectors) {
            totalConnCount = new double[connectors];
            loginedCount = new double[connectors];
            countAfterLeaving = new double[connectors];
            liveHeapMiB = new double[connectors];
            rampCpuSeconds = new double[connectors];
            idleCpuPercent = new double[connectors];
        }
    }
}
