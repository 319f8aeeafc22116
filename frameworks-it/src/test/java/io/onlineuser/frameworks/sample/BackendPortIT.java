package io.onlineuser.frameworks.sample;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.onlineuser.frameworks.AgentReads;
import io.onlineuser.sample.client.PomeloClient;
import io.onlineuser.testkit.ConnectorProcess;
import io.onlineuser.testkit.FreePort;
import io.onlineuser.testkit.Jars;
import io.onlineuser.testkit.ProcessOutput;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The sample-server as a Pomelo connector runs: players on one port, backend servers' RPC links on
 * another. With {@code netty.ports} set to the players' port, only players count, exactly.
 */
class BackendPortIT {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final int BACKEND_LINKS = 3;

    @Test
    void countsPlayersOnlyWhileBackendLinksStayOpen() throws Exception {
        int playerPort = FreePort.pick();
        List<PomeloClient> players = new ArrayList<>();
        Process backend = null;
        try (ConnectorProcess server = ConnectorProcess.builder().serverId("backend-1").port(playerPort)
                .agentOption("netty.ports", Integer.toString(playerPort)).serverArg("--backend-port").serverArg("0")
                .start()) {
            int backendPort = Integer.parseInt(server.awaitOutput("backend RPC on port (\\d+)", WAIT));
            backend = new ProcessBuilder(Jars.javaExecutable(), "-Xmx64m", "-jar", Jars.sampleServerJar().toString(),
                    "backend", "--port", Integer.toString(backendPort), "--connections", Integer.toString(BACKEND_LINKS))
                    .redirectErrorStream(true).start();
            ProcessOutput links = ProcessOutput.drain(backend.getInputStream(), "backend");
            links.awaitGroup(Pattern.compile("backend: 3 connections to .* open"), WAIT);
            AgentReads agent = new AgentReads(server.jolokiaUrl(), "backend-1");
            await().atMost(WAIT).until(() -> listener(agent.agent(), backendPort).get("openConnections").asInt() == BACKEND_LINKS);
            agent.awaitConnections(0);

            for (int i = 0; i < 20; i++) {
                players.add(i % 2 == 0 ? PomeloClient.connectTcp("127.0.0.1", playerPort)
                        : PomeloClient.connectWebSocket("127.0.0.1", playerPort));
            }
            for (int i = 0; i < 15; i++) {
                assertThat(players.get(i).login("player" + i)).isEqualTo(200);
            }
            agent.awaitConnections(20);
            assertThat(agent.connectionStats().get("LoginedCount").asInt()).isEqualTo(15);
            JsonNode stats = agent.statisticsInfo(100);
            TreeSet<String> uids = new TreeSet<>();
            for (JsonNode row : stats.get("loginedList")) {
                uids.add(row.get("uid").asText());
                assertThat(row.get("address").asText()).matches("127\\.0\\.0\\.1:\\d+");
            }
            assertThat(uids).hasSize(15).contains("player0", "player14");

            for (int i = 0; i < 8; i++) {
                players.remove(players.size() - 1).close();
            }
            agent.awaitConnections(12);
            assertThat(agent.connectionStats().get("LoginedCount").asInt()).isEqualTo(12);
            players.forEach(PomeloClient::close);
            players.clear();
            agent.awaitConnections(0);
            assertThat(agent.connectionStats().get("LoginedCount").asInt()).isZero();
            assertThat(agent.connectionStats().get("AcceptedConnTotal").asLong()).isEqualTo(20);

            JsonNode rpc = listener(agent.agent(), backendPort);
            assertThat(rpc.get("counted").asBoolean()).isFalse();
            assertThat(rpc.get("openConnections").asInt()).isEqualTo(BACKEND_LINKS);
            assertThat(listener(agent.agent(), playerPort).get("acceptedTotal").asLong()).isEqualTo(20);
            assertThat(server.output()).doesNotContain("[onlineuser] WARN", "[onlineuser] ERROR");

            // the operator's view of both listeners: the collector's online --verbose
            Process collector = new ProcessBuilder(Jars.javaExecutable(), "-jar", Jars.collectorJar().toString(),
                    "--target", server.jolokiaUrl(), "online", "--verbose").redirectErrorStream(true).start();
            String table = new String(collector.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(collector.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(collector.exitValue()).as(table).isZero();
            assertThat(table).contains("agent of backend-1: version ", "netty.ports=" + playerPort)
                    .containsPattern("listener 127\\.0\\.0\\.1:" + playerPort + " +counted +open 0 +accepted 20 ")
                    .containsPattern("listener 127\\.0\\.0\\.1:" + backendPort + " +not counted +open 3 +accepted 3 ")
                    .containsPattern("hook.bind +installed +methods 1 +calls 15 ");
        } finally {
            players.forEach(PomeloClient::close);
            if (backend != null) {
                backend.destroyForcibly();
            }
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "abc      | option 'netty.ports'='abc' has 'abc', which is not a port 1-65535 or a range of them",
        "70000    | option 'netty.ports'='70000' has '70000', which is not a port 1-65535 or a range of them",
        "10-5     | option 'netty.ports'='10-5' has the range '10-5', whose end is below its start"})
    void aBadNettyPortsIsOneLineAndTheHostServesOnCountingEveryListener(String ports, String problem) throws Exception {
        try (ConnectorProcess server = ConnectorProcess.builder().serverId("bad-ports").agentOption("netty.ports", ports)
                .start();
             PomeloClient player = PomeloClient.connectTcp("127.0.0.1", server.pomeloPort())) {
            assertThat(player.login("p1")).isEqualTo(200);
            AgentReads agent = new AgentReads(server.jolokiaUrl(), "bad-ports");
            agent.awaitConnections(1);
            assertThat(agentProblems(server)).containsExactly("[onlineuser] WARN " + problem
                    + " (expected ports and ranges such as 3010,3100-3199); counting the connections of every listener");
        }
    }

    @Test
    void aNettyPortsEntryNobodyListensOnIsSaidOnceAfterTheConnectorListens() throws Exception {
        int nobody = FreePort.pick();
        try (ConnectorProcess server = ConnectorProcess.builder().serverId("unheard")
                .agentOption("netty.ports", Integer.toString(nobody)).start();
             PomeloClient player = PomeloClient.connectTcp("127.0.0.1", server.pomeloPort())) {
            String line = server.awaitOutput("(\\[onlineuser\\] WARN netty.ports=.*)", WAIT);
            assertThat(line).isEqualTo("[onlineuser] WARN netty.ports=" + nobody + ": nothing listens on " + nobody
                    + " (listeners: 127.0.0.1:" + server.pomeloPort() + " not counted); only connections of listeners on"
                    + " netty.ports are counted");
            AgentReads agent = new AgentReads(server.jolokiaUrl(), "unheard");
            agent.awaitConnections(0);
            assertThat(listener(agent.agent(), server.pomeloPort()).get("openConnections").asInt()).isEqualTo(1);
            assertThat(agentProblems(server)).hasSize(1);
        }
    }

    private static List<String> agentProblems(ConnectorProcess server) {
        return server.output().lines().filter(l -> l.startsWith("[onlineuser] WARN") || l.startsWith("[onlineuser] ERROR"))
                .toList();
    }

    static JsonNode listener(JsonNode agent, int port) {
        for (JsonNode listener : agent.get("Listeners")) {
            if (listener.get("address").asText().equals("127.0.0.1:" + port)) {
                return listener;
            }
        }
        throw new AssertionError("no listener on port " + port + " in " + agent.get("Listeners"));
    }
}
