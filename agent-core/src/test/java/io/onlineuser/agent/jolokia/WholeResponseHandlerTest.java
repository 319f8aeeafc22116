package io.onlineuser.agent.jolokia;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.OutputStream;
import java.io.Writer;
import java.io.OutputStreamWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A chunked answer (as Jolokia's handler writes it) leaves as one body with its length. */
class WholeResponseHandlerTest {

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private HttpServer server;

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void aChunkedAnswerIsSentWithItsLength() throws Exception {
        URI uri = serve("/jolokia", exchange -> {
            exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
            exchange.sendResponseHeaders(200, 0);
            try (Writer writer = new OutputStreamWriter(exchange.getResponseBody(), StandardCharsets.UTF_8)) {
                writer.write("{\"value\":\"ü");
                writer.flush();
                writer.write("\"}");
            }
        });

        for (int i = 0; i < 3; i++) { // the same keep-alive connection answers again
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.body()).isEqualTo("{\"value\":\"ü\"}");
            assertThat(response.headers().firstValue("Content-Length")).hasValue("14");
            assertThat(response.headers().firstValue("Transfer-Encoding")).isEmpty();
            assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json; charset=utf-8");
        }
    }

    @Test
    void answersWithALengthOrWithoutABodyPassUnchanged() throws Exception {
        URI uri = serve("/jolokia", exchange -> {
            if (exchange.getRequestURI().getPath().endsWith("/empty")) {
                exchange.sendResponseHeaders(403, -1);
                exchange.close();
                return;
            }
            exchange.sendResponseHeaders(400, 2);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write("no".getBytes(StandardCharsets.UTF_8));
            }
        });

        HttpResponse<String> fixed = http.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> empty = http.send(HttpRequest.newBuilder(URI.create(uri + "/empty")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(fixed.statusCode()).isEqualTo(400);
        assertThat(fixed.body()).isEqualTo("no");
        assertThat(empty.statusCode()).isEqualTo(403);
        assertThat(empty.body()).isEmpty();
    }

    private URI serve(String path, com.sun.net.httpserver.HttpHandler handler) throws Exception {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 10);
        server.createContext(path, new WholeResponseHandler(handler));
        server.start();
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
    }
}
