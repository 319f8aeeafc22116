package io.onlineuser.collector.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.onlineuser.testkit.FreePort;
import io.onlineuser.testkit.RequiredTool;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real Prometheus ({@code prometheus} and {@code promtool} of the Debian package) over series
 * written as OpenMetrics text and turned into TSDB blocks by {@code promtool tsdb create-blocks-from
 * openmetrics}: history a test makes up, queried through the real HTTP API.
 */
public final class BackfilledPrometheus implements AutoCloseable {

    private final Process process;
    private final String url;

    private BackfilledPrometheus(Process process, String url) {
        this.process = process;
        this.url = url;
    }

    public static BackfilledPrometheus start(Path dir, String openMetrics) throws Exception {
        Path input = dir.resolve("history.om");
        Files.writeString(input, openMetrics, StandardCharsets.UTF_8);
        Path data = dir.resolve("data");
        run(dir, RequiredTool.onPath("promtool").toString(), "tsdb", "create-blocks-from", "openmetrics",
                input.toString(), data.toString());
        return launch(dir, data);
    }

    /** A Prometheus that holds nothing (and scrapes nothing). */
    public static BackfilledPrometheus empty(Path dir) throws Exception {
        return launch(dir, dir.resolve("data"));
    }

    private static BackfilledPrometheus launch(Path dir, Path data) throws Exception {
        Files.writeString(dir.resolve("prometheus.yml"), "global:\n  scrape_interval: 1m\nscrape_configs: []\n");
        int port = FreePort.pick();
        Process process = new ProcessBuilder(RequiredTool.onPath("prometheus").toString(),
                "--config.file=" + dir.resolve("prometheus.yml"),
                "--storage.tsdb.path=" + data,
                "--storage.tsdb.retention.time=30d",
                "--web.listen-address=127.0.0.1:" + port,
                "--log.level=warn")
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("prometheus.log").toFile())
                .start();
        BackfilledPrometheus prometheus = new BackfilledPrometheus(process, "http://127.0.0.1:" + port);
        prometheus.awaitReady(dir);
        return prometheus;
    }

    public String url() {
        return url;
    }

    private void awaitReady(Path dir) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            try {
                HttpResponse<String> ready = http.send(HttpRequest.newBuilder(URI.create(url + "/-/ready")).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (ready.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            assertThat(process.isAlive()).as("prometheus running; log:\n%s", Files.readString(dir.resolve("prometheus.log"))).isTrue();
            Thread.sleep(200);
        }
        throw new AssertionError("Prometheus not ready within 60 s: " + Files.readString(dir.resolve("prometheus.log")));
    }

    private static void run(Path dir, String... command) throws Exception {
        Process process = new ProcessBuilder(List.of(command)).directory(dir.toFile()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("%s finished", command[0]).isTrue();
        assertThat(process.exitValue()).as("%s exit status; output:\n%s", String.join(" ", command), output).isZero();
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }
}
