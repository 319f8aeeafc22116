package io.onlineuser.sample.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.onlineuser.sample.client.PomeloClient;
import io.onlineuser.sample.protocol.PackageCodec;
import io.onlineuser.sample.protocol.PomeloMessage;
import io.onlineuser.sample.protocol.PomeloPackage;
import io.onlineuser.testkit.ConnectorProcess;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The real jar, real sockets, both flavours of the protocol on one port. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SampleServerIT {
    private static final Duration WAIT = Duration.ofSeconds(30);

    enum Flavour {
        TCP, WEBSOCKET;

        PomeloClient connect(int port) throws IOException {
            return this == TCP ? PomeloClient.connectTcp("127.0.0.1", port) : PomeloClient.connectWebSocket("127.0.0.1", port);
        }
    }

    private ConnectorProcess server;

    @BeforeAll
    void startServer() throws Exception {
        server = ConnectorProcess.builder().serverId("it-reject").withAgent(false).start();
    }

    @AfterAll
    void stopServer() throws Exception {
        server.close();
    }

    @ParameterizedTest
    @EnumSource(Flavour.class)
    void logsInRefusesADuplicateAndLogsOut(Flavour flavour) throws Exception {
        String uid = "player-" + flavour;
        try (PomeloClient first = flavour.connect(server.pomeloPort()); PomeloClient second = flavour.connect(server.pomeloPort())) {
            assertThat(first.handshakeReply().path("sys").path("heartbeat").asInt()).isEqualTo(10);

            assertThat(first.login(uid)).isEqualTo(200);
            assertThat(second.login(uid)).isEqualTo(500);
            assertThat(second.lastError()).isEqualTo("DUPLICATE_LOGIN");
            assertThat(first.isClosed()).isFalse();

            assertThat(first.logout()).isEqualTo(200);
            assertThat(second.login(uid)).isEqualTo(200);
        }
    }

    @Test
    void closingABoundConnectionFreesTheUid() throws Exception {
        PomeloClient dropped = Flavour.TCP.connect(server.pomeloPort());
        assertThat(dropped.login("dropper")).isEqualTo(200);

        dropped.abort();

        try (PomeloClient next = Flavour.WEBSOCKET.connect(server.pomeloPort())) {
            await().atMost(WAIT).until(() -> next.login("dropper") == 200);
        }
    }

    @Test
    void chatEchoesToTheSenderAndPushesToEveryoneAcrossFlavours() throws Exception {
        try (PomeloClient tcp = Flavour.TCP.connect(server.pomeloPort()); PomeloClient ws = Flavour.WEBSOCKET.connect(server.pomeloPort())) {
            tcp.login("chat-tcp");
            ws.login("chat-ws");

            JsonNode echo = tcp.chat("hello all");

            assertThat(echo.path("code").asInt()).isEqualTo(200);
            assertThat(echo.path("content").asText()).isEqualTo("hello all");
            assertThat(ws.awaitPush("onChat", WAIT)).hasValueSatisfying(push -> {
                assertThat(push.path("from").asText()).isEqualTo("chat-tcp");
                assertThat(push.path("content").asText()).isEqualTo("hello all");
            });

            // "*" reaches the sender too, before its answer; then the message for it alone
            assertThat(tcp.awaitPush("onChat", WAIT)).hasValueSatisfying(push ->
                    assertThat(push.path("content").asText()).isEqualTo("hello all"));
            ws.chat("just you", "chat-tcp");
            assertThat(tcp.awaitPush("onChat", WAIT)).hasValueSatisfying(push -> {
                assertThat(push.path("from").asText()).isEqualTo("chat-ws");
                assertThat(push.path("target").asText()).isEqualTo("chat-tcp");
                assertThat(push.path("content").asText()).isEqualTo("just you");
            });
        }
    }

    @Test
    void unknownRouteIsAnsweredNotFatal() throws Exception {
        try (PomeloClient client = Flavour.TCP.connect(server.pomeloPort())) {
            assertThat(client.request("no.such.route", Map.of()).path("code").asInt()).isEqualTo(404);
            assertThat(client.login("after-404")).isEqualTo(200);
        }
    }

    @Test
    void junkClosesOnlyTheConnectionThatSentIt() throws Exception {
        try (PomeloClient bystander = Flavour.WEBSOCKET.connect(server.pomeloPort())) {
            assertThat(bystander.login("bystander")).isEqualTo(200);

            assertClosedAfterRaw("junk text\r\n".getBytes(StandardCharsets.US_ASCII));
            assertClosedAfterRaw(PackageCodec.encode(PomeloPackage.data(
                    PomeloMessage.request(1, PomeloClient.LOGIN, "{\"uid\":\"early\"}".getBytes(StandardCharsets.UTF_8)))));
            assertClosedAfterRaw(new byte[] {4, 0x7F, 0x00, 0x00});
            assertClosedAfterHandshake(Flavour.TCP, client -> client.sendRaw(PackageCodec.encode(
                    PomeloPackage.data(PomeloMessage.request(2, PomeloClient.LOGIN, "{bad json".getBytes(StandardCharsets.UTF_8))))));
            assertClosedAfterHandshake(Flavour.TCP, client -> client.sendRaw(PackageCodec.encode(
                    PomeloPackage.data(PomeloMessage.response(3, "{}".getBytes(StandardCharsets.UTF_8))))));
            assertClosedAfterHandshake(Flavour.TCP, client -> client.sendRaw(new byte[] {4, 0, 0, 1, 0x20}));
            assertClosedAfterHandshake(Flavour.WEBSOCKET, client -> client.sendRaw(new byte[] {7, 0, 0, 0}));
            assertClosedAfterHandshake(Flavour.WEBSOCKET, client -> client.sendTextFrame("{\"route\":\"x\"}"));

            assertThat(bystander.chat("still here", "bystander").path("code").asInt()).isEqualTo(200);
            assertThat(server.isAlive()).isTrue();
            await().atMost(WAIT).until(() -> server.output().contains("exceeds the limit of 65536")
                    && server.output().contains("bad JSON body") && server.output().contains("data while awaiting handshake"));
        }
    }

    @Test
    void kickOptionReplacesTheOlderSession() throws Exception {
        try (ConnectorProcess kicking = ConnectorProcess.builder().serverId("it-kick").withAgent(false)
                .serverArg("--duplicate").serverArg("kick").start()) {
            for (Flavour flavour : Flavour.values()) {
                try (PomeloClient older = flavour.connect(kicking.pomeloPort()); PomeloClient newer = flavour.connect(kicking.pomeloPort())) {
                    assertThat(older.login("twice")).isEqualTo(200);

                    assertThat(newer.login("twice")).isEqualTo(200);

                    assertThat(older.awaitKick(WAIT)).contains("duplicate login");
                    assertThat(older.awaitClosed(WAIT)).isTrue();
                    assertThat(newer.chat("mine now", "twice").path("code").asInt()).isEqualTo(200);
                    assertThat(newer.logout()).isEqualTo(200);
                }
            }
        }
    }

    @Test
    void silentClientsAreClosedAfterTwoHeartbeatIntervals() throws Exception {
        // 2 s rather than 1: a client answering heartbeats then has 2 s of slack on a loaded machine
        // the answering clients connect first: had heartbeats not kept them, they would be closed before the silent ones
        try (ConnectorProcess quick = ConnectorProcess.builder().serverId("it-heartbeat").withAgent(false)
                .serverArg("--heartbeat").serverArg("2").start();
             PomeloClient aliveTcp = Flavour.TCP.connect(quick.pomeloPort());
             PomeloClient aliveWs = Flavour.WEBSOCKET.connect(quick.pomeloPort());
             PomeloClient silentTcp = Flavour.TCP.connect(quick.pomeloPort());
             PomeloClient silentWs = Flavour.WEBSOCKET.connect(quick.pomeloPort())) {
            assertThat(silentTcp.handshakeReply().path("sys").path("heartbeat").asInt()).isEqualTo(2);
            assertThat(aliveWs.login("alive")).isEqualTo(200);
            silentTcp.stopHeartbeats();
            silentWs.stopHeartbeats();

            assertThat(silentTcp.awaitClosed(WAIT)).isTrue();
            assertThat(silentWs.awaitClosed(WAIT)).isTrue();

            // a round trip on each shows the server still serves them
            assertThat(aliveTcp.login("alive-tcp")).isEqualTo(200);
            assertThat(aliveWs.logout()).isEqualTo(200);
            assertThat(aliveTcp.isClosed()).isFalse();
            assertThat(aliveWs.isClosed()).isFalse();
        }
    }

    @Test
    void badOptionsStopWithAClearMessage() throws Exception {
        SampleServerCommand.Finished duplicate = SampleServerCommand.run("server", "--duplicate", "maybe");
        SampleServerCommand.Finished port = SampleServerCommand.run("server", "--port", "70000");

        assertThat(duplicate.exitCode()).isEqualTo(2);
        assertThat(duplicate.output()).contains("Invalid value for option '--duplicate'", "[REJECT, KICK]");
        assertThat(port.exitCode()).isEqualTo(2);
        assertThat(port.output()).contains("error: port must be 0..65535, got 70000");
    }

    private void assertClosedAfterRaw(byte[] junk) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", server.pomeloPort())) {
            socket.setSoTimeout((int) WAIT.toMillis());
            socket.getOutputStream().write(junk);
            socket.getOutputStream().flush();
            assertThat(readUntilClosed(socket.getInputStream())).as("server closes after %d junk bytes", junk.length).isTrue();
        }
    }

    /** End of stream or reset (the server may close with our bytes unread): closed either way. */
    private static boolean readUntilClosed(InputStream in) throws IOException {
        try {
            return in.read() == -1;
        } catch (SocketException reset) {
            return true;
        }
    }

    private interface ClientAction {
        void run(PomeloClient client) throws IOException;
    }

    private void assertClosedAfterHandshake(Flavour flavour, ClientAction junk) throws IOException {
        try (PomeloClient client = flavour.connect(server.pomeloPort())) {
            junk.run(client);
            assertThat(client.awaitClosed(WAIT)).as("closed after junk over %s", flavour).isTrue();
        }
    }
}
