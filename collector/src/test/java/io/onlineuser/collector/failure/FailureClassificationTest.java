package io.onlineuser.collector.failure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import com.sun.net.httpserver.HttpServer;
import io.onlineuser.collector.fake.FakeAgent;
import io.onlineuser.collector.fake.SilentTarget;
import io.onlineuser.collector.jolokia.ConnectorClient;
import io.onlineuser.collector.jolokia.ConnectorTarget;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Every failure kind against a real local socket or HTTP server, as an operator would meet it. */
class FailureClassificationTest {

    /** Only the silent server waits for it; every other case must be classified by what the server said. */
    private static final long SILENT_TIMEOUT_MILLIS = 500;
    private static final long GENEROUS_TIMEOUT_MILLIS = 30_000;

    private final List<AutoCloseable> resources = new ArrayList<>();

    @AfterEach
    void closeAll() throws Exception {
        for (AutoCloseable resource : resources) {
            resource.close();
        }
    }

    @Test
    void closedPortIsRefused() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        assertThat(failureOf("http://127.0.0.1:" + port + "/jolokia").kind()).isEqualTo(FailureKind.REFUSED);
    }

    @Test
    void serverThatAcceptsAndNeverAnswersTimesOut() throws IOException {
        SilentTarget silent = SilentTarget.start();
        resources.add(silent);

        ConnectorException failure = failureOf(silent.url(), SILENT_TIMEOUT_MILLIS);

        assertThat(failure.kind()).isEqualTo(FailureKind.TIMED_OUT);
        assertThat(failure.getMessage()).contains("no answer within " + SILENT_TIMEOUT_MILLIS + " ms");
    }

    @Test
    void nonHttpBytesAreGarbage() throws IOException {
        ServerSocket talker = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        resources.add(talker);
        Thread answerer = new Thread(() -> {
            try {
                while (true) {
                    try (Socket socket = talker.accept()) {
                        socket.getOutputStream().write("SSH-2.0-OpenSSH_9.2\r\nnot http at all\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                        socket.getOutputStream().flush();
                        Thread.sleep(100);
                    }
                }
            } catch (IOException | InterruptedException closed) {
                // test over
            }
        });
        answerer.setDaemon(true);
        answerer.start();

        assertThat(failureOf("http://127.0.0.1:" + talker.getLocalPort() + "/jolokia").kind()).isEqualTo(FailureKind.GARBAGE);
    }

    @Test
    void http401IsUnauthorized() throws IOException {
        assertThat(failureOf(httpServer(401, "text/plain", "no")).kind()).isEqualTo(FailureKind.UNAUTHORIZED);
    }

    @Test
    void http403IsForbidden() throws IOException {
        assertThat(failureOf(httpServer(403, "text/plain", "go away")).kind()).isEqualTo(FailureKind.FORBIDDEN);
    }

    @Test
    void jsonThatIsNotJolokiaIsNotAnAgent() throws IOException {
        ConnectorException failure = failureOf(httpServer(200, "application/json", "{\"hello\":\"world\"}"));
        assertThat(failure.kind()).as(failure.getMessage()).isEqualTo(FailureKind.NOT_ONLINEUSER_AGENT);
    }

    @Test
    void htmlPageIsGarbage() throws IOException {
        ConnectorException failure = failureOf(httpServer(200, "text/html", "<html><body>nginx</body></html>"));
        assertThat(failure.kind()).as(failure.getMessage()).isEqualTo(FailureKind.GARBAGE);
    }

    @Test
    void jolokiaWithoutOnlineuserMBeansIsNotAnAgent() throws IOException {
        FakeAgent plainJolokia = new FakeAgent();
        resources.add(plainJolokia);

        ConnectorException failure = failureOf(plainJolokia.url());

        assertThat(failure.kind()).isEqualTo(FailureKind.NOT_ONLINEUSER_AGENT);
    }

    private ConnectorException failureOf(String url) {
        return failureOf(url, GENEROUS_TIMEOUT_MILLIS);
    }

    private ConnectorException failureOf(String url, long timeoutMillis) {
        ConnectorClient client = new ConnectorClient(ConnectorTarget.parse(url), timeoutMillis);
        resources.add(client);
        return catchThrowableOfType(ConnectorException.class, client::readStats);
    }

    private String httpServer(int status, String contentType, String body) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", contentType);
            exchange.sendResponseHeaders(status, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        });
        server.start();
        resources.add(() -> server.stop(0));
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/jolokia";
    }
}
