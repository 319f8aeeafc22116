package io.onlineuser.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

/**
 * Raw Jolokia protocol over HTTP for tests: what a curl user sends, so tests see exactly what
 * an operator would (HTTP status, JSON status, error text).
 */
public final class JolokiaHttp {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI url;
    private final String authorization;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public JolokiaHttp(String url) {
        this(url, null, null);
    }

    public JolokiaHttp(String url, String user, String password) {
        this.url = URI.create(url.endsWith("/") ? url : url + "/");
        this.authorization = user == null ? null
                : "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    /** The {@code value} of a read; throws {@link JolokiaError} when the answer is not a success. */
    public JsonNode read(String mbean, String attribute) {
        ObjectNode request = JSON.createObjectNode().put("type", "read").put("mbean", mbean);
        if (attribute != null) {
            request.put("attribute", attribute);
        }
        return valueOf(post(request.toString()));
    }

    /** The {@code value} of an exec; arguments go as JSON values (strings, numbers, null). */
    public JsonNode exec(String mbean, String operation, Object... arguments) {
        ObjectNode request = JSON.createObjectNode().put("type", "exec").put("mbean", mbean).put("operation", operation);
        ArrayNode args = request.putArray("arguments");
        for (Object a : arguments) {
            args.add(JSON.valueToTree(a));
        }
        return valueOf(post(request.toString()));
    }

    /** Sends a raw JSON request body; never throws on HTTP or Jolokia errors. */
    public Response post(String jsonBody) {
        HttpRequest.Builder request = HttpRequest.newBuilder(url)
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(jsonBody));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.body(), parse(response.body()));
        } catch (IOException e) {
            throw new UncheckedIOException("Jolokia at " + url + " did not answer", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode valueOf(Response response) {
        if (response.httpStatus() != 200) {
            throw new JolokiaError(response.httpStatus(), "HTTP " + response.httpStatus() + " " + response.text());
        }
        JsonNode body = response.body();
        if (body == null || !body.has("status")) {
            throw new JolokiaError(response.httpStatus(), "not a Jolokia answer: " + response.text());
        }
        int status = body.get("status").asInt();
        if (status != 200) {
            throw new JolokiaError(status, body.path("error").asText());
        }
        return body.get("value");
    }

    private static JsonNode parse(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            return null;
        }
    }

    /** An HTTP answer: its status, raw text and parsed JSON (null when not JSON). */
    public static final class Response {
        private final int httpStatus;
        private final String text;
        private final JsonNode body;

        Response(int httpStatus, String text, JsonNode body) {
            this.httpStatus = httpStatus;
            this.text = text;
            this.body = body;
        }

        public int httpStatus() {
            return httpStatus;
        }

        public String text() {
            return text;
        }

        public JsonNode body() {
            return body;
        }
    }
}
