package io.onlineuser.sample.bots;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.onlineuser.sample.client.PomeloClient;
import io.onlineuser.sample.server.SampleServerCommand;
import io.onlineuser.testkit.ConnectorProcess;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Bots against the real server jar: what they claim is checked from the server's side too. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BotsIT {
    private static final Duration WAIT = Duration.ofSeconds(60);

    private ConnectorProcess server;

    @BeforeAll
    void startServer() throws Exception {
        server = ConnectorProcess.builder().serverId("it-bots").withAgent(false).start();
    }

    @AfterAll
    void stopServer() throws Exception {
        server.close();
    }

    @Test
    void holdsConnectionsAndLoginsTheServerAgreesWith() throws Exception {
        try (Bots bots = Bots.builder("127.0.0.1", server.pomeloPort()).connections(200).logins(100).uidPrefix("tcp-").start()) {
            await().atMost(WAIT).until(() -> bots.connected() == 200 && bots.loggedIn() == 100);
            assertThat(bots.failed()).isZero();

            try (PomeloClient probe = PomeloClient.connectTcp("127.0.0.1", server.pomeloPort())) {
                assertThat(probe.login("tcp-99")).as("bot 99 logged in").isEqualTo(500);
                assertThat(probe.lastError()).isEqualTo("DUPLICATE_LOGIN");
                assertThat(probe.login("tcp-100")).as("bot 100 only connected").isEqualTo(200);
            }
        }
        try (PomeloClient after = PomeloClient.connectTcp("127.0.0.1", server.pomeloPort())) {
            await().atMost(WAIT).until(() -> after.login("tcp-0") == 200);
        }
    }

    @Test
    void commandLineHoldsThenSumsUp() throws Exception {
        SampleServerCommand.Finished run = SampleServerCommand.run("bots", "--port", String.valueOf(server.pomeloPort()),
                "--connections", "40", "--logins", "20", "--uid-prefix", "cli-", "--hold", "0");

        assertThat(run.output()).contains("bots summary: connected 40 (peak 40) of 40, logged in 20 of 20, failed 0");
        assertThat(run.exitCode()).isZero();
    }

    @Test
    void commandLineRefusesMoreLoginsThanConnections() throws Exception {
        SampleServerCommand.Finished run = SampleServerCommand.run("bots", "--port", String.valueOf(server.pomeloPort()),
                "--connections", "5", "--logins", "10");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.output()).contains("error: --logins must be 0..5 (the connections), got 10");
    }

    @Test
    void webSocketBotsLogInAndChat() {
        try (Bots bots = Bots.builder("127.0.0.1", server.pomeloPort()).connections(50).logins(50).webSocket(true)
                .chatIntervalMillis(200).uidPrefix("ws-").start()) {
            await().atMost(WAIT).until(() -> bots.loggedIn() == 50 && bots.chats() >= 100);
            assertThat(bots.failed()).isZero();
        }
    }

    @Test
    void churnCyclesThroughLoginChatLogoutClose() {
        try (Bots bots = Bots.builder("127.0.0.1", server.pomeloPort()).connections(20).logins(20).churn(true)
                .uidPrefix("churn-").start()) {
            await().atMost(WAIT).until(() -> bots.cycles() >= 100);
            assertThat(bots.chats()).isGreaterThanOrEqualTo(bots.cycles() - 20);
            assertThat(bots.failed()).isZero();
        }
    }
}
