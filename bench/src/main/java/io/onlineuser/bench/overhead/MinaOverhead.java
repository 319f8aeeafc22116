package io.onlineuser.bench.overhead;

import io.onlineuser.bench.process.CompilerQuiet;
import io.onlineuser.bench.report.MeanInterval;
import io.onlineuser.bench.report.Row;
import io.onlineuser.bench.report.Stats;
import io.onlineuser.bench.report.Target;
import io.onlineuser.testkit.ConnectorProcess;
import io.onlineuser.testkit.FreePort;
import io.onlineuser.testkit.Jars;
import io.onlineuser.testkit.JolokiaHttp;
import io.onlineuser.testkit.ProcessOutput;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * The agent's CPU per churn cycle on a MINA 2 connector ({@link MinaChurnServer}), with ÷ without:
 * two connectors side by side, same flags, one with the agent (hooks on {@link MinaChurnPlayers});
 * pairs of runs alternate which goes first, as for Netty in {@link OverheadBench}, until the mean
 * ratio is known to ±1 %. With {@value #PROFILE_ENV} set to a directory, async-profiler
 * ({@code libasyncProfiler.so} named by {@value #PROFILER_ENV}) records both connectors' CPU there,
 * warm-up included ({@code mina-agent.collapsed}, {@code mina-plain.collapsed}).
 */
final class MinaOverhead {

    static final String PROFILE_ENV = "MINA_PROFILE_DIR";
    static final String PROFILER_ENV = "ASYNC_PROFILER_LIB";
    private static final double TARGET_CPU_RATIO = 1.03;
    private static final double CPU_RATIO_HALF_WIDTH = 0.01;
    private static final int BOTS = 50;
    private static final long WARMUP_CYCLES = 30_000;
    private static final Duration WARMUP_LIMIT = Duration.ofSeconds(180);
    private static final Duration START = Duration.ofSeconds(120);
    private static final String SERVER_ID = "bench-mina-agent";
    /** {@link MinaChurnServer} and MINA only: the agent jar's classes must be the only copy in its JVM. */
    private static final Path CONNECTOR_JAR = Jars.repoRoot().resolve("bench/target/mina-churn-connector.jar");

    private final OverheadBench.Schedule schedule;

    MinaOverhead(OverheadBench.Schedule schedule) {
        this.schedule = schedule;
    }

    List<Row> run() throws Exception {
        try (Connector plain = Connector.start(false); Connector withAgent = Connector.start(true)) {
            List<Connector> sides = List.of(plain, withAgent);
            for (Connector side : sides) {
                warmUp(side);
            }
            int maxPairs = Math.max(schedule.pairs(), schedule.maxPairs());
            double[] cpuWithout = new double[maxPairs];
            double[] cpuWith = new double[maxPairs];
            double[] cpuRatio = new double[maxPairs];
            int pairs = 0;
            for (int pair = 0; pair < maxPairs; pair++) {
                ChurnLoad.Run[] runs = new ChurnLoad.Run[2];
                for (int turn = 0; turn < 2; turn++) {
                    int side = (pair + turn) % 2;
                    runs[side] = run(sides.get(side), "mina-" + pair + "-");
                }
                cpuWithout[pair] = runs[0].cpuMicrosPerCycle();
                cpuWith[pair] = runs[1].cpuMicrosPerCycle();
                cpuRatio[pair] = cpuWith[pair] / cpuWithout[pair];
                System.err.printf("   MINA churn pair %d: %.0f cycles/s without (%.0f µs CPU/cycle), %.0f with (%.0f µs):"
                        + " CPU ratio %.3f%n", pair + 1, runs[0].cyclesPerSecond(), cpuWithout[pair],
                        runs[1].cyclesPerSecond(), cpuWith[pair], cpuRatio[pair]);
                pairs = pair + 1;
                if (pairs >= schedule.pairs()
                        && MeanInterval.of(Arrays.copyOf(cpuRatio, pairs)).halfWidth() <= CPU_RATIO_HALF_WIDTH) {
                    break;
                }
            }
            if (withAgent.jolokia.read("onlineuser:type=ConnectionStats,serverId=" + SERVER_ID, "LoginTotal").asLong() == 0) {
                throw new IllegalStateException("the agent counted no MINA login during churn: hooks not installed?");
            }
            MeanInterval interval = MeanInterval.of(Arrays.copyOf(cpuRatio, pairs));
            String note = BOTS + " bots: connect, login, chat, logout, close; connector process CPU time ÷ cycles";
            return new ArrayList<>(List.of(
                    Row.context("MINA churn connector CPU per cycle, without agent", Stats.of(Arrays.copyOf(cpuWithout, pairs)),
                            "µs", note),
                    Row.context("MINA churn connector CPU per cycle, with agent", Stats.of(Arrays.copyOf(cpuWith, pairs)),
                            "µs", note),
                    new Row("MINA churn CPU per cycle ratio with ÷ without", Stats.of(Arrays.copyOf(cpuRatio, pairs)), "ratio",
                            Target.atMost(TARGET_CPU_RATIO), "one ratio per pair; pairs added until the mean is known to ±"
                            + Math.round(CPU_RATIO_HALF_WIDTH * 100) + " % (at most " + maxPairs + ")"),
                    Row.context("MINA churn CPU per cycle ratio, 95 % interval of the mean", Stats.of(interval.low(),
                            interval.mean(), interval.high()), "ratio",
                            "min and max columns: the interval's ends; median column: the mean of " + pairs + " pair ratios")));
        }
    }

    /** Churn until {@value #WARMUP_CYCLES} cycles are done, then until the side's JIT is quiet. */
    private static void warmUp(Connector side) throws Exception {
        long deadline = System.nanoTime() + WARMUP_LIMIT.toNanos();
        try (MinaChurnBots churn = MinaChurnBots.start(side.port, BOTS, "warm-")) {
            while (churn.cycles() < WARMUP_CYCLES && System.nanoTime() < deadline && churn.failed() == 0) {
                Thread.sleep(100);
            }
            failIfAnyFailed(churn, side.port);
            CompilerQuiet.await(side.process.pid(), "the MINA connector on port " + side.port, WARMUP_LIMIT);
            failIfAnyFailed(churn, side.port);
        }
    }

    private ChurnLoad.Run run(Connector connector, String uidPrefix) throws Exception {
        try (MinaChurnBots churn = MinaChurnBots.start(connector.port, BOTS, uidPrefix)) {
            ChurnLoad.Run run = ChurnLoad.measure(churn::cycles, connector::cpuNanos, schedule.warmup(), schedule.measure());
            failIfAnyFailed(churn, connector.port);
            return run;
        }
    }

    private static void failIfAnyFailed(MinaChurnBots churn, int port) throws IOException {
        if (churn.failed() > 0) {
            throw new IOException(churn.failed() + " MINA churn bot(s) failed on port " + port);
        }
    }

    /** A {@link MinaChurnServer} JVM ({@link #CONNECTOR_JAR}), with or without the agent. */
    private static final class Connector implements AutoCloseable {
        final Process process;
        final int port;
        final JolokiaHttp jolokia;

        private Connector(Process process, int port, JolokiaHttp jolokia) {
            this.process = process;
            this.port = port;
            this.jolokia = jolokia;
        }

        static Connector start(boolean withAgent) throws Exception {
            int port = FreePort.pick();
            List<String> command = new ArrayList<>(List.of(Jars.javaExecutable(), "-Xmx512m", "-XX:+UseSerialGC"));
            if (System.getenv(PROFILE_ENV) != null && System.getenv(PROFILER_ENV) != null) {
                command.add("-agentpath:" + System.getenv(PROFILER_ENV) + "=start,event=cpu,interval=1ms,collapsed,file="
                        + Path.of(System.getenv(PROFILE_ENV)).toAbsolutePath().resolve(withAgent ? "mina-agent.collapsed" : "mina-plain.collapsed"));
            }
            if (withAgent) {
                command.add("-javaagent:" + Jars.agentJar() + "=serverId=" + SERVER_ID + ",jolokia.port=0,"
                        + MinaChurnPlayers.HOOKS);
            }
            command.addAll(List.of("-jar", CONNECTOR_JAR.toString(), Integer.toString(port)));
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            ProcessOutput output = ProcessOutput.drain(process.getInputStream(), withAgent ? "mina-agent" : "mina-plain");
            try {
                output.awaitGroup(Pattern.compile("mina churn port \\d+"), START);
                JolokiaHttp jolokia = withAgent
                        ? new JolokiaHttp(output.awaitGroup(ConnectorProcess.JOLOKIA_LISTENING, START)) : null;
                return new Connector(process, port, jolokia);
            } catch (Exception e) {
                process.destroyForcibly();
                throw new IOException("the MINA churn connector did not start; output:\n" + output.text(), e);
            }
        }

        long cpuNanos() {
            return process.info().totalCpuDuration().map(Duration::toNanos)
                    .orElseThrow(() -> new IllegalStateException("no CPU time for MINA connector pid " + process.pid()));
        }

        @Override
        public void close() throws InterruptedException {
            process.destroy();
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        }
    }
}
