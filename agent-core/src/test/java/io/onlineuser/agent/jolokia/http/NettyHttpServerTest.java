package io.onlineuser.agent.jolokia.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.BasicAuthenticator;
import com.sun.net.httpserver.HttpContext;
import com.sun.net.httpserver.HttpExchange;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The JDK HttpServer API as Jolokia uses it, served by {@link NettyHttpServer}, over real sockets. */
class NettyHttpServerTest {

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private NettyHttpServer server;
    private String base;

    @BeforeEach
    void start() throws IOException {
        server = NettyHttpServer.listen(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0, null, false,
                new ConnectionLimits(16, 10_000), "test-http");
        server.createContext("/echo", NettyHttpServerTest::echo);
        server.createContext("/empty", exchange -> {
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        server.createContext("/big", exchange -> {
            exchange.sendResponseHeaders(200, 0);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(new byte[1 << 20]);
            }
        });
        server.createContext("/broken", exchange -> {
            throw new IllegalStateException("handler bug");
        });
        HttpContext secured = server.createContext("/secured", NettyHttpServerTest::echo);
        secured.setAuthenticator(new BasicAuthenticator("test") {
            @Override
            public boolean checkCredentials(String user, String password) {
                return user.equals("ops") && password.equals("s3cret");
            }
        });
        server.start();
        base = "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    /** Answers "METHOD PATH BODY [principal]", chunked as Jolokia answers (length 0). */
    private static void echo(HttpExchange exchange) throws IOException {
        String body;
        try (InputStream in = exchange.getRequestBody()) {
            body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        String principal = exchange.getPrincipal() == null ? "" : " " + exchange.getPrincipal().getUsername();
        byte[] answer = (exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath() + " " + body
                + principal).getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "text/plain");
        exchange.sendResponseHeaders(200, 0);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(answer);
        }
    }

    @Test
    void manyRequestsOverOneKeptAliveConnectionAreAnsweredWithTheirLength() throws Exception {
        for (int i = 0; i < 300; i++) {
            HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create(base + "/echo/x"))
                    .POST(HttpRequest.BodyPublishers.ofString("n" + i)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.body()).isEqualTo("POST /echo/x n" + i);
            assertThat(response.headers().firstValue("content-length")).hasValue(String.valueOf(response.body().length()));
            assertThat(response.headers().firstValue("date")).isPresent();
        }
    }

    @Test
    void unknownPathsBadRequestsAndHandlerFailuresGetAClearStatus() throws Exception {
        assertThat(status(get("/nothing-here"))).isEqualTo(404);
        assertThat(status(get("/empty"))).isEqualTo(204);
        assertThat(status(get("/broken"))).isEqualTo(500);
        HttpResponse<String> tooBig = client.send(HttpRequest.newBuilder(URI.create(base + "/echo"))
                .POST(HttpRequest.BodyPublishers.ofString("x".repeat(NettyHttpServer.MAX_BODY_BYTES + 1))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(tooBig.statusCode()).as("a Jolokia error: HTTP 200, the status in the JSON").isEqualTo(200);
        assertThat(tooBig.headers().firstValue("content-type")).hasValue("application/json; charset=utf-8");
        assertThat(tooBig.body()).contains("\"status\":413").contains("Request body longer than 1048576 bytes");
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), server.getAddress().getPort())) {
            socket.getOutputStream().write("GET /echo HTTP/1.1 nonsense\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            String statusLine = new BufferedReader(new InputStreamReader(socket.getInputStream(),
                    StandardCharsets.US_ASCII)).readLine();
            assertThat(statusLine).startsWith("HTTP/1.1 400");
        }
        assertThat(status(get("/echo"))).as("the server still answers").isEqualTo(200);
    }

    @Test
    void http10ClientsGetTheirAnswerAndTheConnectionClosed() throws Exception {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), server.getAddress().getPort())) {
            socket.getOutputStream().write("GET /echo HTTP/1.0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);
            assertThat(answer).startsWith("HTTP/1.1 200").endsWith("GET /echo ");
        }
    }

    @Test
    void theContextsAuthenticatorRunsBeforeItsHandler() throws Exception {
        HttpResponse<String> anonymous = get("/secured");
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(anonymous.headers().firstValue("www-authenticate")).hasValueSatisfying(v -> assertThat(v).contains("Basic"));
        String wrong = Base64.getEncoder().encodeToString("ops:guess".getBytes(StandardCharsets.UTF_8));
        assertThat(status(client.send(HttpRequest.newBuilder(URI.create(base + "/secured"))
                .header("Authorization", "Basic " + wrong).build(), HttpResponse.BodyHandlers.ofString()))).isEqualTo(401);
        String right = Base64.getEncoder().encodeToString("ops:s3cret".getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> allowed = client.send(HttpRequest.newBuilder(URI.create(base + "/secured"))
                .header("Authorization", "Basic " + right).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(allowed.statusCode()).isEqualTo(200);
        assertThat(allowed.body()).isEqualTo("GET /secured  ops");
    }

    @Test
    void aClientThatAsksForMuchAndReadsNothingIsClosedNotBuffered() throws Exception {
        int asked = 100;
        long read = 0;
        try (Socket greedy = new Socket(InetAddress.getLoopbackAddress(), server.getAddress().getPort())) {
            greedy.setSoTimeout(30_000);
            greedy.getOutputStream().write("GET /big HTTP/1.1\r\nHost: x\r\n\r\n".repeat(asked)
                    .getBytes(StandardCharsets.US_ASCII));
            assertThat(status(get("/echo"))).as("others are answered meanwhile").isEqualTo(200);
            byte[] buffer = new byte[1 << 16];
            try {
                int n;
                while ((n = greedy.getInputStream().read(buffer)) >= 0) {
                    read += n;
                }
            } catch (SocketException reset) {
                // closed with requests of ours still unread: the kernel answers with a reset
            }
        }
        assertThat(read).as("closed before all %d answers of 1 MiB were held for it", asked).isLessThan(asked * (1L << 20));
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return client.send(HttpRequest.newBuilder(URI.create(base + path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static int status(HttpResponse<String> response) {
        return response.statusCode();
    }
}
