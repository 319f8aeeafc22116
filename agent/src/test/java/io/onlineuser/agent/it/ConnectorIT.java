package io.onlineuser.agent.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.onlineuser.sample.client.PomeloClient;
import io.onlineuser.testkit.ConnectorProcess;
import io.onlineuser.testkit.JolokiaError;
import io.onlineuser.testkit.JolokiaHttp;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sample-server in a real JVM with {@code -javaagent} and its shipped hook file, driven by
 * Pomelo-protocol clients over TCP and WebSocket, read over real Jolokia HTTP.
 */
class ConnectorIT {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String ADDRESS = "127\\.0\\.0\\.1:\\d+";

    @Test
    void countsAndListsStayExactThroughLoginsDuplicatesKicksLogoutsAndAbruptDisconnects() throws Exception {
        try (ConnectorProcess server = ConnectorProcess.builder().serverId("connector-1")
                .agentOption("kick.enabled", "true").start()) {
            AgentStats stats = new AgentStats(new JolokiaHttp(server.jolokiaUrl()), "connector-1");
            stats.awaitGauges(0, 0, 0);
            int port = server.pomeloPort();
            PomeloClient alice = PomeloClient.connectTcp("127.0.0.1", port);
            PomeloClient bob = PomeloClient.connectWebSocket("127.0.0.1", port);
            PomeloClient carol = PomeloClient.connectTcp("127.0.0.1", port);
            PomeloClient aliceAgain = PomeloClient.connectTcp("127.0.0.1", port);
            try {
                assertThat(alice.login("alice")).isEqualTo(200);
                assertThat(bob.login("bob")).isEqualTo(200);
                assertThat(carol.login("carol")).isEqualTo(200);
                stats.awaitGauges(4, 3, 3);

                JsonNode page = stats.statsOperation("loginedList", 0, 10);
                assertThat(uids(page)).containsExactly("alice", "bob", "carol");
                page.forEach(row -> {
                    assertThat(row.get("address").asText()).matches(ADDRESS);
                    assertThat(row.get("sessionCount").asInt()).isEqualTo(1);
                    assertThat(row.get("loginTime").asLong()).isPositive();
                });
                JsonNode info = stats.statsOperation("statisticsInfo", 2);
                assertThat(info.get("serverId").asText()).isEqualTo("connector-1");
                assertThat(info.get("totalConnCount").asInt()).isEqualTo(4);
                assertThat(info.get("loginedCount").asInt()).isEqualTo(3);
                assertThat(uids(info.get("loginedList"))).containsExactly("alice", "bob");

                assertThat(stats.sessionOperation("isOnline", "alice").asBoolean()).isTrue();
                assertThat(stats.sessionOperation("isOnline", "nobody").asBoolean()).isFalse();
                JsonNode aliceSessions = stats.sessionOperation("getByUid", "alice");
                assertThat(aliceSessions).hasSize(1);
                assertThat(aliceSessions.get(0).get("uid").asText()).isEqualTo("alice");
                assertThat(aliceSessions.get(0).get("frontendId").asText()).isEqualTo("connector-1");
                assertThat(aliceSessions.get(0).get("sessionId").asLong()).isPositive();
                assertThat(aliceSessions.get(0).get("address").asText()).matches(ADDRESS);
                assertThat(stats.sessionOperation("getByUid", "nobody")).isEmpty();

                // the sample-server's default: a second login of an online uid is refused, the first stays
                assertThat(aliceAgain.login("alice")).isEqualTo(500);
                assertThat(aliceAgain.lastError()).isEqualTo("DUPLICATE_LOGIN");
                // the server answered after handling the login: nothing was counted, and nothing is later
                assertThat(stats.attribute("LoginTotal").asLong()).isEqualTo(3);
                stats.assertGaugesHold(4, 3, 3);

                // an operator's kick goes through the application's own kick: the client is told why
                assertThat(stats.sessionOperation("kick", "bob", "maintenance").asInt()).isEqualTo(1);
                assertThat(bob.awaitKick(WAIT)).contains("maintenance");
                assertThat(bob.awaitClosed(WAIT)).isTrue();
                stats.awaitGauges(3, 2, 2);
                assertThat(stats.sessionOperation("isOnline", "bob").asBoolean()).isFalse();

                assertThat(carol.logout()).isEqualTo(200);
                stats.awaitGauges(3, 1, 1);

                // logged in again on the same connection, then kicked by the session id getByUid shows
                assertThat(carol.login("carol")).isEqualTo(200);
                stats.awaitGauges(3, 2, 2);
                long carolSession = stats.sessionOperation("getByUid", "carol").get(0).get("sessionId").asLong();
                assertThat(stats.sessionOperation("kickBySessionId", carolSession, "bye").asBoolean()).isTrue();
                assertThat(carol.awaitKick(WAIT)).contains("bye");
                stats.awaitGauges(2, 1, 1);

                alice.abort();
                stats.awaitGauges(1, 0, 0);
            } finally {
                for (PomeloClient client : List.of(alice, bob, carol, aliceAgain)) {
                    client.close();
                }
            }
            stats.awaitGauges(0, 0, 0);
            assertThat(stats.attribute("AcceptedConnTotal").asLong()).isEqualTo(4);
            assertThat(stats.attribute("ClosedConnTotal").asLong()).isEqualTo(4);
            assertThat(stats.attribute("LoginTotal").asLong()).isEqualTo(4);
            assertThat(stats.attribute("LogoutTotal").asLong()).isEqualTo(4);
            assertThat(stats.attribute("KickTotal").asLong()).isEqualTo(2);
            assertThat(stats.attribute("PeakConnCount").asInt()).isEqualTo(4);
            assertThat(stats.attribute("PeakLoginedCount").asInt()).isEqualTo(3);
        }
    }

    @Test
    void duplicateLoginThatKicksTheOldSessionAuthRefusedKickAndDiscoveryFile(@TempDir Path discovery) throws Exception {
        Path discoveryFile = discovery.resolve("connector-2.json");
        try (ConnectorProcess server = ConnectorProcess.builder().serverId("connector-2")
                .agentOption("jolokia.user", "ops").agentOption("jolokia.password", "s3cret")
                .agentOption("discovery.dir", discovery.toString())
                .serverArg("--duplicate").serverArg("kick").start()) {
            await().atMost(WAIT).until(() -> Files.exists(discoveryFile));
            assertThat(Files.readString(discoveryFile)).contains("\"jolokia_url\":\"" + server.jolokiaUrl() + "\"")
                    .contains("\"server_id\":\"connector-2\"");

            JolokiaHttp anonymous = new JolokiaHttp(server.jolokiaUrl());
            JolokiaHttp.Response refused = anonymous.post(
                    "{\"type\":\"read\",\"mbean\":\"onlineuser:type=ConnectionStats,serverId=connector-2\"}");
            assertThat(refused.httpStatus()).isEqualTo(401);

            AgentStats stats = new AgentStats(new JolokiaHttp(server.jolokiaUrl(), "ops", "s3cret"), "connector-2");
            int port = server.pomeloPort();
            PomeloClient first = PomeloClient.connectTcp("127.0.0.1", port);
            PomeloClient second = PomeloClient.connectWebSocket("127.0.0.1", port);
            try {
                assertThat(first.login("dave")).isEqualTo(200);
                assertThat(second.login("dave")).isEqualTo(200);
                assertThat(first.awaitKick(WAIT)).isPresent();
                assertThat(first.awaitClosed(WAIT)).isTrue();
                stats.awaitGauges(1, 1, 1);
                assertThat(stats.sessionOperation("getByUid", "dave")).hasSize(1);

                // kick.enabled is false by default: Jolokia's policy refuses the operation
                assertThatThrownBy(() -> stats.sessionOperation("kick", "dave", "test"))
                        .isInstanceOfSatisfying(JolokiaError.class, e -> assertThat(e.status()).isEqualTo(403));
                assertThat(stats.sessionOperation("isOnline", "dave").asBoolean()).isTrue();
                assertThat(second.isClosed()).isFalse();
            } finally {
                first.close();
                second.close();
            }
            stats.awaitGauges(0, 0, 0);
            assertThat(stats.attribute("LoginTotal").asLong()).isEqualTo(2);
            assertThat(stats.attribute("LogoutTotal").asLong()).isEqualTo(2);
        }
        assertThat(discoveryFile).as("removed by the agent's shutdown hook").doesNotExist();
    }

    private static List<String> uids(JsonNode rows) {
        List<String> uids = new ArrayList<>();
        rows.forEach(row -> uids.add(row.get("uid").asText()));
        return uids;
    }
}
