package io.onlineuser.bench.startup;

import io.onlineuser.bench.process.Connector;
import io.onlineuser.bench.report.Row;
import io.onlineuser.bench.report.Stats;
import io.onlineuser.bench.report.Target;
import io.onlineuser.sample.client.PomeloClient;
import io.onlineuser.testkit.Jars;
import io.onlineuser.testkit.JolokiaHttp;
import io.onlineuser.testkit.ProcessOutput;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;

/**
 * Issue 6 item 6: how much later a connector serves its first player with the agent than
 * without (runs alternate), and how long a late attach takes until a new connection is counted.
 */
public final class StartupBench {

    private static final List<String> JVM_FLAGS = List.of("-Xmx256m", "-XX:+UseSerialGC");
    private static final String STATS = "onlineuser:type=ConnectionStats,serverId=bench-attach";
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
        double[] attachCommand = new double[rounds];
        double[] attachCounting = new double[rounds];
        firstServedMillis(false); // unmeasured: fills the OS page cache with both jars
        firstServedMillis(true);
        for (int round = 0; round < rounds; round++) {
            if (round % 2 == 0) {
                without[round] = firstServedMillis(false);
                with[round] = firstServedMillis(true);
            } else {
                with[round] = firstServedMillis(true);
                without[round] = firstServedMillis(false);
            }
            extra[round] = with[round] - without[round];
            double[] attach = lateAttachMillis();
            attachCommand[round] = attach[0];
            attachCounting[round] = attach[1];
            System.err.printf("   start-up round %d: first player served after %.0f ms without, %.0f ms with;"
                    + " attach command %.0f ms, counting after %.0f ms%n",
                    round + 1, without[round], with[round], attach[0], attach[1]);
        }
        return List.of(
                Row.context("start-up to first player served, without agent", Stats.of(without), "ms",
                        "process start to Pomelo handshake answered"),
                Row.context("start-up to first player served, with agent", Stats.of(with), "ms",
                        "process start to Pomelo handshake answered"),
                new Row("start-up cost of the agent (with − without)", Stats.of(extra), "ms", Target.atMost(300),
                        "alternating runs, one difference per pair"),
                Row.context("late attach: attach command", Stats.of(attachCommand), "ms",
                        "java -jar onlineuser-agent.jar attach PID, start to exit (includes its own JVM start)"),
                new Row("late attach: command start to new connection counted", Stats.of(attachCounting), "ms",
                        Target.atMost(1500), "attach, Jolokia up, a client connects, TotalConnCount = 1"));
    }

    /**
     * Milliseconds from launching the connector JVM until it answers a Pomelo handshake. The port
     * is chosen before the JVM starts, so another process may take it meanwhile: then try again.
     */
    private static double firstServedMillis(boolean withAgent) throws Exception {
        for (int attempt = 1; ; attempt++) {
            try {
                return firstServedMillis(withAgent, freePort());
            } catch (PortTaken e) {
                if (attempt == 5) {
                    throw e;
                }
            }
        }
    }

    private static double firstServedMillis(boolean withAgent, int port) throws Exception {
        long start = System.nanoTime();
        Process process = new ProcessBuilder(Connector.command("bench-startup", withAgent, JVM_FLAGS, port))
                .redirectErrorStream(true).start();
        ProcessOutput output = ProcessOutput.drain(process.getInputStream(), "bench-startup");
        try {
            while (System.nanoTime() - start < TIMEOUT_NANOS) {
                try (PomeloClient client = PomeloClient.connectTcp("127.0.0.1", port)) {
                    return (System.nanoTime() - start) / 1e6;
                } catch (IOException notYet) {
                    if (!process.isAlive()) {
                        throw output.text().contains("Address already in use")
                                ? new PortTaken(port)
                                : new IOException("connector exited early:\n" + output.text());
                    }
                    Thread.sleep(2);
                }
            }
            throw new IOException("connector did not serve within 90 s:\n" + output.text());
        } finally {
            process.destroy();
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        }
    }

    /** [attach command duration, time until a new connection is counted], both from the command's start. */
    private static double[] lateAttachMillis() throws Exception {
        try (Connector connector = Connector.start("bench-attach", false, JVM_FLAGS)) {
            long start = System.nanoTime();
            Process attach = new ProcessBuilder(Jars.javaExecutable(), "-jar", Jars.agentJar().toString(), "attach",
                    String.valueOf(connector.pid()), Connector.agentOptions("bench-attach"))
                    .redirectErrorStream(true).start();
            String attachOutput = new String(attach.getInputStream().readAllBytes());
            if (attach.waitFor() != 0) {
                throw new IOException("attach failed: " + attachOutput);
            }
            double commandMillis = (System.nanoTime() - start) / 1e6;
            String url = connector.awaitOutput(Connector.jolokiaReadyLine(), Duration.ofSeconds(60));
            JolokiaHttp jolokia = new JolokiaHttp(url);
            try (PomeloClient client = PomeloClient.connectTcp("127.0.0.1", connector.port())) {
                while (counted(jolokia) < 1) {
                    if (System.nanoTime() - start > TIMEOUT_NANOS) {
                        throw new IOException("the attached agent never counted the new connection");
                    }
                    Thread.sleep(2);
                }
                return new double[] {commandMillis, (System.nanoTime() - start) / 1e6};
            }
        }
    }

    /** TotalConnCount, or -1 while the freshly started Jolokia does not answer yet. */
    private static int counted(JolokiaHttp jolokia) {
        try {
            return jolokia.read(STATS, "TotalConnCount").asInt();
        } catch (UncheckedIOException notYet) {
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
