package io.onlineuser.bench.startup;

import io.onlineuser.bench.process.BenchConnectors;
import io.onlineuser.bench.report.Row;
import io.onlineuser.bench.report.Stats;
import io.onlineuser.bench.report.Target;
import io.onlineuser.sample.client.PomeloClient;
import io.onlineuser.testkit.ConnectorProcess;
import io.onlineuser.testkit.Jars;
import io.onlineuser.testkit.JolokiaError;
import io.onlineuser.testkit.JolokiaHttp;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.regex.Pattern;

/**
 * How much later a connector serves its first player with the agent than without (runs
 * alternate), when the agent's MXBeans exist and when its Jolokia answers, and how long a late
 * attach takes until a new connection is counted.
 */
public final class StartupBench {

    private static final String STATS = "onlineuser:type=ConnectionStats,serverId=bench-attach";
    private static final String STARTUP_STATS = "onlineuser:type=ConnectionStats,serverId=bench-startup";
    private static final Pattern MXBEANS_REGISTERED = Pattern.compile("MXBeans registered");
    private static final long TIMEOUT_NANOS = Duration.ofSeconds(90).toNanos();
    private static final Random RANDOM = new Random();

    private final int rounds;

    public StartupBench(boolean quick) {
        this.rounds = quick ? 3 : 7;
    }

    public List<Row> run() throws Exception {
        double[] without = new double[rounds];
        double[] with = new double[rounds];
        double[] extra = new double[rounds];
        double[] mxbeans = new double[rounds];
        double[] jolokia = new double[rounds];
        double[] attachCommand = new double[rounds];
        double[] attachCounting = new double[rounds];
        launch(false); // unmeasured: fills the OS page cache with both jars
        launch(true);
        for (int round = 0; round < rounds; round++) {
            Launch plain;
            Launch agent;
            if (round % 2 == 0) {
                plain = launch(false);
                agent = launch(true);
            } else {
                agent = launch(true);
                plain = launch(false);
            }
            without[round] = plain.servedMillis;
            with[round] = agent.servedMillis;
            extra[round] = with[round] - without[round];
            mxbeans[round] = agent.mxbeansMillis;
            jolokia[round] = agent.jolokiaMillis;
            double[] attach = lateAttachMillis();
            attachCommand[round] = attach[0];
            attachCounting[round] = attach[1];
            System.err.printf("   start-up round %d: first player served after %.0f ms without, %.0f ms with"
                    + " (MXBeans after %.0f ms, Jolokia answering after %.0f ms); attach command %.0f ms,"
                    + " counting after %.0f ms%n",
                    round + 1, without[round], with[round], mxbeans[round], jolokia[round], attach[0], attach[1]);
        }
        return List.of(
                Row.context("start-up to first player served, without agent", Stats.of(without), "ms",
                        "process start to Pomelo handshake answered"),
                Row.context("start-up to first player served, with agent", Stats.of(with), "ms",
                        "process start to Pomelo handshake answered"),
                new Row("start-up cost of the agent (with − without)", Stats.of(extra), "ms", Target.atMost(300),
                        "alternating runs, one difference per pair"),
                Row.context("start-up until the MXBeans exist, with agent", Stats.of(mxbeans), "ms",
                        "process start to the agent's 'MXBeans registered' line (both beans in the platform MBeanServer)"),
                Row.context("start-up until Jolokia answers, with agent", Stats.of(jolokia), "ms",
                        "process start to the first answered Jolokia read of ConnectionStats (polled every 2 ms once the handshake was answered)"),
                Row.context("late attach: attach command", Stats.of(attachCommand), "ms",
                        "java -jar onlineuser-agent.jar attach PID, start to exit (includes its own JVM start)"),
                new Row("late attach: command start to new connection counted", Stats.of(attachCounting), "ms",
                        Target.atMost(1500), "attach, Jolokia up, a client connects, TotalConnCount = 1"));
    }

    /** Milliseconds from launching a connector JVM; NaN for what a connector without the agent never does. */
    private static final class Launch {
        double servedMillis;
        double mxbeansMillis = Double.NaN;
        double jolokiaMillis = Double.NaN;
    }

    /**
     * Launches a connector and times it from the launch: until it answers a Pomelo handshake
     * and, with the agent, until the agent says its MXBeans are registered and until Jolokia
     * answers. The ports are chosen before the JVM starts, so another process may take one
     * meanwhile: then try again.
     */
    private static Launch launch(boolean withAgent) throws Exception {
        for (int attempt = 1; ; attempt++) {
            try {
                return launch(withAgent, freePort(), freePort());
            } catch (PortTaken e) {
                if (attempt == 5) {
                    throw e;
                }
            }
        }
    }

    private static Launch launch(boolean withAgent, int port, int jolokiaPort) throws Exception {
        List<String> command = BenchConnectors.builder("bench-startup", withAgent).port(port)
                .agentOption("jolokia.port", Integer.toString(jolokiaPort)).command();
        Launch launch = new Launch();
        long start = System.nanoTime();
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        TimedOutput output = TimedOutput.drain(process.getInputStream(), MXBEANS_REGISTERED);
        try {
            launch.servedMillis = untilAnswered(start, process, output, () -> {
                try (PomeloClient client = PomeloClient.connectTcp("127.0.0.1", port)) {
                    return true;
                } catch (IOException notYet) {
                    return false;
                }
            }, port);
            if (withAgent) {
                JolokiaHttp http = new JolokiaHttp("http://127.0.0.1:" + jolokiaPort + "/jolokia");
                launch.jolokiaMillis = untilAnswered(start, process, output, () -> counted(http, STARTUP_STATS) >= 0,
                        port);
                launch.mxbeansMillis = (output.awaitNanos(Duration.ofSeconds(60)) - start) / 1e6;
            }
            return launch;
        } finally {
            process.destroy();
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        }
    }

    /** Milliseconds from {@code start} until {@code answered} is true, asked every 2 ms. */
    private static double untilAnswered(long start, Process process, TimedOutput output, BooleanSupplier answered,
            int port) throws Exception {
        while (System.nanoTime() - start < TIMEOUT_NANOS) {
            if (answered.getAsBoolean()) {
                return (System.nanoTime() - start) / 1e6;
            }
            if (!process.isAlive()) {
                throw output.text().contains("Address already in use")
                        ? new PortTaken(port)
                        : new IOException("connector exited early:\n" + output.text());
            }
            Thread.sleep(2);
        }
        throw new IOException("connector did not answer within 90 s:\n" + output.text());
    }

    /** [attach command duration, time until a new connection is counted], both from the command's start. */
    private static double[] lateAttachMillis() throws Exception {
        ConnectorProcess.Builder builder = BenchConnectors.builder("bench-attach", false);
        try (ConnectorProcess connector = builder.start()) {
            long start = System.nanoTime();
            Process attach = new ProcessBuilder(Jars.javaExecutable(), "-jar", Jars.agentJar().toString(), "attach",
                    String.valueOf(connector.pid()), builder.agentArgument())
                    .redirectErrorStream(true).start();
            String attachOutput = new String(attach.getInputStream().readAllBytes());
            if (attach.waitFor() != 0) {
                throw new IOException("attach failed: " + attachOutput);
            }
            double commandMillis = (System.nanoTime() - start) / 1e6;
            String url = connector.awaitJolokiaUrl(Duration.ofSeconds(60));
            JolokiaHttp jolokia = new JolokiaHttp(url);
            try (PomeloClient client = PomeloClient.connectTcp("127.0.0.1", connector.pomeloPort())) {
                while (counted(jolokia, STATS) < 1) {
                    if (System.nanoTime() - start > TIMEOUT_NANOS) {
                        throw new IOException("the attached agent never counted the new connection");
                    }
                    Thread.sleep(2);
                }
                return new double[] {commandMillis, (System.nanoTime() - start) / 1e6};
            }
        }
    }

    /** TotalConnCount, or -1 while the freshly started Jolokia does not answer yet (or has no such MBean yet). */
    private static int counted(JolokiaHttp jolokia, String stats) {
        try {
            return jolokia.read(stats, "TotalConnCount").asInt();
        } catch (UncheckedIOException | JolokiaError notYet) {
            return -1;
        }
    }

    /**
     * A free port below the ephemeral range (32768-60999 here), where outgoing connections of
     * other processes do not take it between this check and the connector's bind.
     */
    private static int freePort() throws IOException {
        for (int attempt = 0; attempt < 100; attempt++) {
            int port = 20_000 + RANDOM.nextInt(12_000);
            try (ServerSocket socket = new ServerSocket(port)) {
                return socket.getLocalPort();
            } catch (IOException taken) {
                // try another
            }
        }
        throw new IOException("no free port found between 20000 and 32000");
    }

    /** The connector could not bind the port chosen for it. */
    private static final class PortTaken extends IOException {
        PortTaken(int port) {
            super("port " + port + " was taken before the connector could bind it");
        }
    }
}
