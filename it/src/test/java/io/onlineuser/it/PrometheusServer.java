package io.onlineuser.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.onlineuser.testkit.FreePort;
import io.onlineuser.testkit.Jars;
import io.onlineuser.testkit.RequiredTool;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A real Prometheus server ({@code prometheus} from {@code PATH}; Debian's package) run from a temporary directory
 * with the shipped {@code examples/prometheus} files, on a free loopback port, scraping every second.
 */
final class PrometheusServer implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private final Process process;
    private final Path log;
    private final String baseUrl;

    private PrometheusServer(Process process, Path log, String baseUrl) {
        this.process = process;
        this.log = log;
        this.baseUrl = baseUrl;
    }

    /**
     * Copies {@code prometheus.yml}, {@code alerts.yml} and {@code recording.yml} into {@code dir}
     * (scrape interval cut to 1 s, nothing else changed), writes {@code targets/*.json} with
     * {@code exporterTargets} in file_sd format, and starts Prometheus there.
     */
    static PrometheusServer start(Path dir, List<String> exporterTargets) throws IOException {
        return startRegional(dir, List.of(Map.of("targets", exporterTargets, "labels", Map.of("cluster", "it"))));
    }

    /** As {@link #start}, with the file_sd groups given whole (targets and their labels, such as server_type). */
    static PrometheusServer startRegional(Path dir, List<Map<String, Object>> fileSdGroups) throws IOException {
        Path examples = Jars.repoRoot().resolve("examples/prometheus");
        Files.writeString(dir.resolve("prometheus.yml"), fastIntervals(Files.readString(examples.resolve("prometheus.yml"))));
        Files.copy(examples.resolve("alerts.yml"), dir.resolve("alerts.yml"));
        Files.copy(examples.resolve("recording.yml"), dir.resolve("recording.yml"));
        Files.createDirectories(dir.resolve("targets"));
        JSON.writeValue(dir.resolve("targets/connectors.json").toFile(), fileSdGroups);
        return launch(dir, "prometheus.yml");
    }

    /**
     * The shipped federation/global.yml (intervals cut to 1 s) in {@code dir}, federating from the
     * regional Prometheus servers at {@code regionalTargets} ({@code host:port}), listed in regions/*.json.
     */
    static PrometheusServer startGlobal(Path dir, List<String> regionalTargets) throws IOException {
        Path federation = Jars.repoRoot().resolve("examples/prometheus/federation");
        Files.writeString(dir.resolve("global.yml"), fastIntervals(Files.readString(federation.resolve("global.yml"))));
        Files.createDirectories(dir.resolve("regions"));
        JSON.writeValue(dir.resolve("regions/regions.json").toFile(), List.of(Map.of("targets", regionalTargets)));
        return launch(dir, "global.yml");
    }

    /** {@code host:port} this server listens on, as another Prometheus names it in a target list. */
    String hostAndPort() {
        return URI.create(baseUrl).getAuthority();
    }

    private static String fastIntervals(String config) {
        return config.replace("scrape_interval: 15s", "scrape_interval: 1s")
                .replace("evaluation_interval: 15s", "evaluation_interval: 1s")
                .replace("refresh_interval: 30s", "refresh_interval: 1s");
    }

    /** Prometheus with {@code dir/configFile} as it is (the caller wrote it there). */
    static PrometheusServer launch(Path dir, String configFile) throws IOException {
        int port = FreePort.pick();
        Path log = dir.resolve("prometheus.log");
        Process process = new ProcessBuilder(RequiredTool.onPath("prometheus").toString(),
                "--config.file=" + dir.resolve(configFile),
                "--storage.tsdb.path=" + dir.resolve("data"),
                "--web.listen-address=127.0.0.1:" + port,
                "--log.level=warn")
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        return new PrometheusServer(process, log, "http://127.0.0.1:" + port);
    }

    /** True once {@code /-/ready} answers 200. */
    boolean ready() {
        try {
            return get("/-/ready").statusCode() == 200;
        } catch (IOException e) {
            return false;
        }
    }

    /** {@code /api/v1/query}: the {@code data} node of a successful instant query. */
    JsonNode query(String promql) throws IOException {
        return data("/api/v1/query?query=" + URLEncoder.encode(promql, StandardCharsets.UTF_8));
    }

    /** The single scalar value of an instant query returning one sample, or null when it returns none. */
    Double scalar(String promql) throws IOException {
        JsonNode result = query(promql).path("result");
        if (result.size() == 0) {
            return null;
        }
        if (result.size() > 1) {
            throw new IllegalStateException(promql + " returned " + result.size() + " series: " + result);
        }
        return Double.valueOf(result.get(0).path("value").get(1).asText());
    }

    /** {@code data} of any GET API call, e.g. {@code /api/v1/targets} or {@code /api/v1/rules}. */
    JsonNode data(String pathAndQuery) throws IOException {
        HttpResponse<String> response = get(pathAndQuery);
        JsonNode body = JSON.readTree(response.body());
        if (response.statusCode() != 200 || !"success".equals(body.path("status").asText())) {
            throw new IllegalStateException("GET " + pathAndQuery + " answered " + response.statusCode() + ": " + response.body());
        }
        return body.path("data");
    }

    String log() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private HttpResponse<String> get(String pathAndQuery) throws IOException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + pathAndQuery)).timeout(Duration.ofSeconds(20)).build();
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }
}
