package io.onlineuser.agent.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.onlineuser.sample.client.PomeloClient;
import io.onlineuser.testkit.ConnectorProcess;
import io.onlineuser.testkit.Jars;
import io.onlineuser.testkit.JolokiaHttp;
import io.onlineuser.testkit.ProcessOutput;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * A late attach to a sample-server that already holds 1,000 connections, 800 of them logged in:
 * with {@code sessions.registry} (in the sample-server's agent properties) the players already
 * there are counted at once, then stay exact through logouts, new logins and closes, back to 0.
 */
class LateAttachRegistryIT {

    private static final Duration WAIT = Duration.ofSeconds(120);
    /** 1,000 connections take ~15 s on a loaded 2-core machine, more while other JVMs start. */
    private static final Duration BOTS_WAIT = Duration.ofSeconds(300);
    private static final int HELD = 1000;
    private static final int LOGGED_IN = 800;

    @Test
    void attachCountsThePlayersAlreadyThereThenStaysExact() throws Exception {
        try (ConnectorProcess server = ConnectorProcess.builder().serverId("late-registry").withAgent(false)
                .jvmArg("-XX:+IgnoreUnrecognizedVMOptions").jvmArg("-XX:+EnableDynamicAgentLoading").start()) {
            int port = server.pomeloPort();
            Process bots = new ProcessBuilder(Jars.javaExecutable(), "-Xmx256m", "-XX:+UseSerialGC", "-jar",
                    Jars.sampleServerJar().toString(), "bots", "--port", Integer.toString(port),
                    "--connections", Integer.toString(HELD - 1), "--logins", Integer.toString(LOGGED_IN - 1),
                    "--rate", "5000", "--uid-prefix", "held-").redirectErrorStream(true).start();
            ProcessOutput botsOutput = ProcessOutput.drain(bots.getInputStream(), "bots");
            PomeloClient early = PomeloClient.connectTcp("127.0.0.1", port);
            PomeloClient late = null;
            try {
                try {
                    botsOutput.awaitGroup(Pattern.compile("connected (" + (HELD - 1) + ")/" + (HELD - 1)
                            + " +logged in " + (LOGGED_IN - 1) + "/"), BOTS_WAIT);
                } catch (TimeoutException e) {
                    throw new AssertionError("the bots did not connect in " + BOTS_WAIT + ":\n" + botsOutput.text(), e);
                }
                assertThat(early.login("early")).isEqualTo(200);

                String options = "config=" + Jars.sampleServerAgentProperties() + ",serverId=late-registry,jolokia.port=0";
                long attachStarted = System.nanoTime();
                AgentCommand attach = AgentCommand.run("attach", Long.toString(server.pid()), options);
                assertThat(attach.exitCode).as(attach.toString()).isZero();
                AgentStats stats = new AgentStats(new JolokiaHttp(server.awaitJolokiaUrl(WAIT)), "late-registry");
                await().atMost(WAIT).pollInterval(Duration.ofMillis(50)).until(() -> stats.gauges().equals(
                        Map.of("TotalConnCount", HELD, "LoginedCount", LOGGED_IN, "SessionCount", LOGGED_IN)));
                System.out.printf("late attach with sessions.registry: %d connections, %d logged in, exact %d ms after"
                        + " the attach command started%n", HELD, LOGGED_IN,
                        TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - attachStarted));
                stats.assertGaugesHold(HELD, LOGGED_IN, LOGGED_IN);
                server.awaitOutput("(sessions.registry: " + LOGGED_IN + " sessions logged in before the attach counted)", WAIT);
                assertThat(loginedUids(stats)).hasSize(LOGGED_IN).contains("early", "held-0");

                // churn: a player from before the attach logs out, a new one logs in, then everyone leaves
                assertThat(early.logout()).isEqualTo(200);
                stats.awaitGauges(HELD, LOGGED_IN - 1, LOGGED_IN - 1);
                late = PomeloClient.connectWebSocket("127.0.0.1", port);
                assertThat(late.login("late")).isEqualTo(200);
                stats.awaitGauges(HELD + 1, LOGGED_IN, LOGGED_IN);
                bots.destroy();
                assertThat(bots.waitFor(60, TimeUnit.SECONDS)).isTrue();
                stats.awaitGauges(2, 1, 1);
                early.close();
                late.close();
                stats.awaitGauges(0, 0, 0);
                assertThat(agentWarnings(server.output())).isEmpty();
            } finally {
                bots.destroyForcibly();
                early.close();
                if (late != null) {
                    late.close();
                }
            }
        }
    }

    @Test
    void aRegistryThatPointsNowhereIsOneLineAndTheHostServesOn() throws Exception {
        try (ConnectorProcess server = ConnectorProcess.builder().serverId("late-nowhere").withAgent(false)
                .jvmArg("-XX:+IgnoreUnrecognizedVMOptions").jvmArg("-XX:+EnableDynamicAgentLoading").start()) {
            String options = "config=" + Jars.sampleServerAgentProperties() + ",serverId=late-nowhere,jolokia.port=0,"
                    + "sessions.registry=com.example.Sessions#INSTANCE uid=entry.uid()";
            AgentCommand attach = AgentCommand.run("attach", Long.toString(server.pid()), options);
            assertThat(attach.exitCode).as(attach.toString()).isZero();
            AgentStats stats = new AgentStats(new JolokiaHttp(server.awaitJolokiaUrl(WAIT)), "late-nowhere");
            server.awaitOutput("(sessions.registry='com.example.Sessions#INSTANCE uid=entry.uid\\(\\)': class"
                    + " com.example.Sessions is not loaded; players logged in before the attach are not counted)", WAIT);

            try (PomeloClient player = PomeloClient.connectTcp("127.0.0.1", server.pomeloPort())) {
                assertThat(player.login("after")).isEqualTo(200);
                stats.awaitGauges(1, 1, 1);
            }
            assertThat(agentWarnings(server.output())).hasSize(1);
        }
    }

    private static Set<String> loginedUids(AgentStats stats) {
        Set<String> uids = new TreeSet<>();
        for (JsonNode row : stats.statsOperation("loginedList", 0, 10_000)) {
            assertThat(row.get("address").asText()).matches("127\\.0\\.0\\.1:\\d+");
            uids.add(row.get("uid").asText());
        }
        return uids;
    }

    private static List<String> agentWarnings(String output) {
        return output.lines().filter(line -> line.contains("[onlineuser] WARN") || line.contains("[onlineuser] ERROR"))
                .collect(java.util.stream.Collectors.toList());
    }
}
