package io.onlineuser.collector.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Prometheus's HTTP query API ({@code /api/v1/query}, {@code /api/v1/query_range}) over the JDK client. */
public final class PrometheusApi {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI base;
    private final Duration timeout;
    private final HttpClient http;

    /** @throws IllegalArgumentException when {@code url} is not an http(s) URL */
    public PrometheusApi(String url, Duration timeout) {
        URI uri;
        try {
            uri = URI.create(url.endsWith("/") ? url : url + "/");
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--prometheus " + url + " is not a URL (" + e.getMessage() + ")");
        }
        if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme()) || uri.getHost() == null) {
            throw new IllegalArgumentException("--prometheus must be an http:// or https:// URL such as http://127.0.0.1:9090, got " + url);
        }
        this.base = uri;
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
    }

    public URI base() {
        return base;
    }

    /** One value of one series at a time. */
    public record Sample(Map<String, String> labels, double value) {
    }

    /** One series of a range query, its points in time order. */
    public record Series(Map<String, String> labels, List<Point> points) {
    }

    public record Point(Instant time, double value) {
    }

    /** An instant query at {@code time}: its vector. */
    public List<Sample> instant(String promql, Instant time) {
        JsonNode data = get("api/v1/query?query=" + encode(promql) + "&time=" + seconds(time));
        List<Sample> samples = new ArrayList<>();
        for (JsonNode series : data.path("result")) {
            samples.add(new Sample(labels(series), number(series.path("value").get(1))));
        }
        return samples;
    }

    /** A range query from {@code start} to {@code end} (both included) every {@code step}. */
    public List<Series> range(String promql, Instant start, Instant end, Duration step) {
        JsonNode data = get("api/v1/query_range?query=" + encode(promql) + "&start=" + seconds(start)
                + "&end=" + seconds(end) + "&step=" + step.toSeconds());
        List<Series> result = new ArrayList<>();
        for (JsonNode series : data.path("result")) {
            List<Point> points = new ArrayList<>();
            for (JsonNode value : series.path("values")) {
                points.add(new Point(Instant.ofEpochMilli(Math.round(value.get(0).asDouble() * 1000)), number(value.get(1))));
            }
            result.add(new Series(labels(series), points));
        }
        return result;
    }

    private JsonNode get(String pathAndQuery) {
        HttpRequest request = HttpRequest.newBuilder(base.resolve(pathAndQuery)).timeout(timeout).GET().build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new PrometheusException("cannot reach Prometheus at " + base + ": " + describe(e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PrometheusException("interrupted while asking Prometheus at " + base);
        }
        JsonNode body;
        try {
            body = JSON.readTree(response.body());
        } catch (IOException e) {
            throw new PrometheusException("Prometheus at " + base + " answered HTTP " + response.statusCode()
                    + " with something that is not its JSON API: is this the Prometheus server's URL?");
        }
        if (!"success".equals(body.path("status").asText())) {
            throw new PrometheusException("Prometheus at " + base + " refused a query (HTTP " + response.statusCode() + "): "
                    + body.path("errorType").asText() + ": " + body.path("error").asText());
        }
        return body.path("data");
    }

    private static String describe(IOException e) {
        String message = e.getMessage();
        return e.getClass().getSimpleName() + (message == null || message.isBlank() ? "" : " (" + message + ")");
    }

    private static Map<String, String> labels(JsonNode series) {
        Map<String, String> labels = new LinkedHashMap<>();
        series.path("metric").fields().forEachRemaining(e -> labels.put(e.getKey(), e.getValue().asText()));
        return labels;
    }

    /** Prometheus writes numbers as strings, with {@code NaN}, {@code +Inf} and {@code -Inf} for the specials. */
    private static double number(JsonNode value) {
        String text = value.asText();
        switch (text) {
            case "+Inf":
                return Double.POSITIVE_INFINITY;
            case "-Inf":
                return Double.NEGATIVE_INFINITY;
            default:
                return Double.parseDouble(text);
        }
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    private static String seconds(Instant time) {
        return Long.toString(time.getEpochSecond());
    }
}
