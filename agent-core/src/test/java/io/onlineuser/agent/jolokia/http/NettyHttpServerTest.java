package io.onlineuser.agent.jolokia.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.onlineuser.agent.jolokia.JolokiaCore;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import javax.management.ObjectName;
import javax.management.StandardMBean;
import org.jolokia.jvmagent.JolokiaServerConfig;
import org.jolokia.server.core.service.impl.QuietLogHandler;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Jolokia served by {@link NettyHttpServer}, over real sockets, as an HTTP client sees it. */
class NettyHttpServerTest {

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private NettyHttpServer server;
    private JolokiaCore jolokia;
    private String base;

    /** Jolokia at {@code /jolokia} (no policy: everything allowed), with {@code extra} settings. */
    private void serve(Map<String, String> extra) throws IOException {
        Map<String, String> settings = new HashMap<>(Map.of("agentContext", "/jolokia", "discoveryEnabled", "false",
                "disableDetectors", "true"));
        settings.putAll(extra);
        server = NettyHttpServer.listen(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0, null, false,
                new ConnectionLimits(16, 10_000), "test-http");
        jolokia = JolokiaCore.start(new JolokiaServerConfig(settings), server.address(), new QuietLogHandler(), null);
        server.start(jolokia.answers());
        base = "http://127.0.0.1:" + server.address().getPort();
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop();
        }
        if (jolokia != null) {
            jolokia.stop();
        }
    }

    @Test
    void manyRequestsOverOneKeptAliveConnectionAreAnsweredWithTheirLength() throws Exception {
        serve(Map.of());
        for (int i = 0; i < 300; i++) {
            HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create(base + "/jolokia"))
                    .POST(HttpRequest.BodyPublishers.ofString("{\"type\":\"search\",\"mbean\":\"test:n=" + i + ",*\"}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.body()).contains("\"status\":200").contains("\"mbean\":\"test:n=" + i + ",*\"");
            assertThat(response.headers().firstValue("content-length"))
                    .hasValue(String.valueOf(response.body().getBytes(StandardCharsets.UTF_8).length));
            assertThat(response.headers().firstValue("date")).isPresent();
        }
    }

    @Test
    void unknownPathsAndBadRequestsGetAClearStatus() throws Exception {
        serve(Map.of());
        assertThat(get("/nothing-here").statusCode()).isEqualTo(404);
        HttpResponse<String> tooBig = client.send(HttpRequest.newBuilder(URI.create(base + "/jolokia"))
                .POST(HttpRequest.BodyPublishers.ofString("x".repeat(NettyHttpServer.MAX_BODY_BYTES + 1))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(tooBig.statusCode()).as("a Jolokia error: HTTP 200, the status in the JSON").isEqualTo(200);
        assertThat(tooBig.headers().firstValue("content-type")).hasValue("application/json; charset=utf-8");
        assertThat(tooBig.body()).contains("\"status\":413").contains("Request body longer than 1048576 bytes");
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), server.address().getPort())) {
            socket.getOutputStream().write("GET /jolokia HTTP/1.1 nonsense\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            String statusLine = new BufferedReader(new InputStreamReader(socket.getInputStream(),
                    StandardCharsets.US_ASCII)).readLine();
            assertThat(statusLine).startsWith("HTTP/1.1 400");
        }
        assertThat(get("/jolokia/version").statusCode()).as("the server still answers").isEqualTo(200);
    }

    @Test
    void http10ClientsGetTheirAnswerAndTheConnectionClosed() throws Exception {
        serve(Map.of());
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), server.address().getPort())) {
            socket.getOutputStream().write("GET /jolokia/version HTTP/1.0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);
            assertThat(answer).startsWith("HTTP/1.1 200").contains("\"status\":200").endsWith("}");
        }
    }

    @Test
    void credentialsAreCheckedBeforeJolokiaAndDiscoveryNeedsNone() throws Exception {
        serve(Map.of("user", "ops", "password", "s3cret"));
        HttpResponse<String> anonymous = get("/jolokia/version");
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(anonymous.headers().firstValue("www-authenticate")).hasValueSatisfying(v -> assertThat(v).startsWith("Basic"));
        String wrong = Base64.getEncoder().encodeToString("ops:guess".getBytes(StandardCharsets.UTF_8));
        assertThat(client.send(HttpRequest.newBuilder(URI.create(base + "/jolokia/version"))
                .header("Authorization", "Basic " + wrong).build(), HttpResponse.BodyHandlers.ofString()).statusCode())
                .isEqualTo(401);
        String right = Base64.getEncoder().encodeToString("ops:s3cret".getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> allowed = client.send(HttpRequest.newBuilder(URI.create(base + "/jolokia/version"))
                .header("Authorization", "Basic " + right).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(allowed.statusCode()).isEqualTo(200);
        assertThat(allowed.body()).contains("\"status\":200").contains("\"protocol\"");

        HttpResponse<String> discovery = get("/jolokia/config");
        assertThat(discovery.statusCode()).as("Jolokia's discovery answer is for anyone").isEqualTo(200);
        assertThat(discovery.body()).contains("\"status\":200").doesNotContain("s3cret");
        HttpResponse<String> readByPost = client.send(HttpRequest.newBuilder(URI.create(base + "/jolokia/config"))
                .POST(HttpRequest.BodyPublishers.ofString("{\"type\":\"read\",\"mbean\":\"java.lang:type=Runtime\","
                        + "\"attribute\":\"Name\"}")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(readByPost.statusCode()).as("a POST there is any request: it needs credentials").isEqualTo(401);
    }

    /** An MBean with an attribute of 1 MiB: a big answer, as a page of sessions is. */
    public interface BigMBean {
        String getText();
    }

    @Test
    void aClientThatAsksForMuchAndReadsNothingIsClosedNotBuffered() throws Exception {
        serve(Map.of());
        ObjectName big = new ObjectName("test:type=Big");
        String text = "x".repeat(1 << 20);
        ManagementFactory.getPlatformMBeanServer().registerMBean(new StandardMBean((BigMBean) () -> text, BigMBean.class), big);
        int asked = 100;
        long read = 0;
        try (Socket greedy = new Socket(InetAddress.getLoopbackAddress(), server.address().getPort())) {
            greedy.setSoTimeout(30_000);
            greedy.getOutputStream().write("GET /jolokia/read/test:type=Big/Text HTTP/1.1\r\nHost: x\r\n\r\n".repeat(asked)
                    .getBytes(StandardCharsets.US_ASCII));
            assertThat(get("/jolokia/version").statusCode()).as("others are answered meanwhile").isEqualTo(200);
            byte[] buffer = new byte[1 << 16];
            try {
                int n;
                while ((n = greedy.getInputStream().read(buffer)) >= 0) {
                    read += n;
                }
            } catch (SocketException reset) {
                // closed with requests of ours still unread: the kernel answers with a reset
            }
        } finally {
            ManagementFactory.getPlatformMBeanServer().unregisterMBean(big);
        }
        assertThat(read).as("closed before all %d answers of 1 MiB were held for it", asked).isLessThan(asked * (1L << 20));
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return client.send(HttpRequest.newBuilder(URI.create(base + path)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
