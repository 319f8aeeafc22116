package io.onlineuser.collector.cli;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * {@code --via URL}: asks a running {@code serve} over its JSON API instead of every connector, so
 * a script's question costs one local HTTP request answered from the live index. Answers keep the
 * one-shot JSON fields, so the same tables print them; a {@code serve} that cannot be reached is a
 * {@link ViaFailure} naming the URL.
 */
final class ViaServe {

    static final ObjectMapper JSON = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private final URI base;
    private final Duration timeout;
    private final HttpClient http;

    ViaServe(String url, long timeoutMillis) {
        String withSlash = url.endsWith("/") ? url : url + "/";
        try {
            this.base = URI.create(withSlash.contains("://") ? withSlash : "http://" + withSlash);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--via must be the URL of a running serve, got " + url);
        }
        this.timeout = Duration.ofMillis(timeoutMillis);
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(timeout).build();
    }

    JsonNode get(String pathAndQuery) {
        return send(HttpRequest.newBuilder(base.resolve(pathAndQuery)).timeout(timeout).GET().build());
    }

    JsonNode post(String pathAndQuery) {
        return send(HttpRequest.newBuilder(base.resolve(pathAndQuery)).timeout(timeout)
                .header("X-Onlineuser-Kick", "cli").POST(HttpRequest.BodyPublishers.noBody()).build());
    }

    <T> T as(JsonNode node, Class<T> type) {
        try {
            return JSON.treeToValue(node, type);
        } catch (IOException e) {
            throw new ViaFailure("serve at " + base + " gave an answer this collector does not read: " + e.getMessage());
        }
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    URI base() {
        return base;
    }

    private JsonNode send(HttpRequest request) {
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new ViaFailure("cannot reach serve at " + base + ": " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ViaFailure("interrupted while asking serve at " + base);
        }
        JsonNode body;
        try {
            body = JSON.readTree(response.body());
        } catch (IOException e) {
            throw new ViaFailure("serve at " + base + " answered HTTP " + response.statusCode() + " without JSON: is it an onlineuser serve?");
        }
        if (response.statusCode() != 200) {
            throw new ViaFailure("serve at " + base + " answered HTTP " + response.statusCode() + ": " + body.path("error").asText(body.toString()));
        }
        return body;
    }

    /** The running serve could not answer; exit status 2 with this message. */
    static final class ViaFailure extends RuntimeException {
        ViaFailure(String message) {
            super(message, null, false, false);
        }
    }
}
