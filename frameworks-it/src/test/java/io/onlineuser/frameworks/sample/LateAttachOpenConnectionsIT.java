package io.onlineuser.frameworks.sample;

import static org.assertj.core.api.Assertions.assertThat;

import io.onlineuser.frameworks.AgentReads;
import io.onlineuser.testkit.ConnectorProcess;
import io.onlineuser.testkit.FreePort;
import io.onlineuser.testkit.Jars;
import io.onlineuser.testkit.ProcessOutput;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * {@code attach} to a sample-server that already holds 1,000 players (800 logged in) and 2 backend
 * RPC links: the players' connections are counted at once, exactly, then through churn and back to 0.
 */
class LateAttachOpenConnectionsIT {

    private static final Duration WAIT = Duration.ofSeconds(120);
    private static final int HELD = 1000;

    @Test
    void countsTheConnectionsAlreadyOpenOnCountedListenersAtAttach() throws Exception {
        int playerPort = FreePort.pick();
        List<Process> clients = new ArrayList<>();
        try (ConnectorProcess server = ConnectorProcess.builder().serverId("late-open").withAgent(false).port(playerPort)
                .serverArg("--backend-port").serverArg("0")
                .jvmArg("-XX:+IgnoreUnrecognizedVMOptions").jvmArg("-XX:+EnableDynamicAgentLoading")
                .start()) {
            int backendPort = Integer.parseInt(server.awaitOutput("backend RPC on port (\\d+)", WAIT));
            ProcessOutput links = start(clients, "backend", "backend", "--port", Integer.toString(backendPort),
                    "--connections", "2");
            links.awaitGroup(Pattern.compile("backend: 2 connections to .* open"), WAIT);
            ProcessOutput held = start(clients, "held", "bots", "--port", Integer.toString(playerPort),
                    "--connections", Integer.toString(HELD), "--logins", "800", "--rate", "0", "--uid-prefix", "held-");
            held.awaitGroup(Pattern.compile("connected 1000/1000  logged in 800/800"), WAIT);

            long attachStarted = System.nanoTime();
            Process attach = new ProcessBuilder(Jars.javaExecutable(), "-jar", Jars.agentJar().toString(), "attach",
                    Long.toString(server.pid()), "config=" + Jars.sampleServerAgentProperties()
                            + ",serverId=late-open,jolokia.port=0,netty.ports=" + playerPort)
                    .redirectErrorStream(true).start();
            String attachOutput = new String(attach.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(attach.waitFor(60, TimeUnit.SECONDS)).isTrue();
            long attachReturned = System.nanoTime();
            assertThat(attach.exitValue()).as(attachOutput).isZero();
            AgentReads agent = new AgentReads(server.awaitJolokiaUrl(WAIT), "late-open");
            // the walk runs before the exporters start: Jolokia's first answer already holds every open player
            assertThat(agent.totalConnCount()).isEqualTo(HELD);
            System.out.printf("late attach: %d open connections counted when Jolokia first answered, %d ms after the attach"
                    + " command started (%d ms after it returned); agent: %s%n", HELD,
                    TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - attachStarted),
                    TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - attachReturned),
                    server.awaitOutput("(connections open before the attach: .*)", WAIT));
            agent.awaitConnections(HELD);
            assertThat(server.output()).contains("connections open before the attach: 1000 counted, 2 on listeners not"
                    + " counted or closed meanwhile");

            ProcessOutput churn = start(clients, "churn", "bots", "--port", Integer.toString(playerPort),
                    "--connections", "20", "--logins", "20", "--churn", "--hold", "5", "--uid-prefix", "churn-");
            churn.awaitGroup(Pattern.compile("bots summary: .* failed 0, .*churn cycles"), WAIT);
            agent.awaitConnections(HELD);

            clients.get(1).destroy();
            agent.awaitConnections(0);
            assertThat(agent.connectionStats().get("LoginedCount").asInt()).isZero();
            assertThat(BackendPortIT.listener(agent.agent(), backendPort).get("openConnections").asInt()).isEqualTo(2);
            assertThat(server.output()).doesNotContain("[onlineuser] WARN", "[onlineuser] ERROR");
        } finally {
            clients.forEach(Process::destroyForcibly);
        }
    }

    private static ProcessOutput start(List<Process> clients, String name, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(Jars.javaExecutable(), "-Xmx256m", "-XX:+UseSerialGC", "-jar",
                Jars.sampleServerJar().toString()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        clients.add(process);
        return ProcessOutput.drain(process.getInputStream(), name);
    }
}
