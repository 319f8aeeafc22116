package io.onlineuser.it;

import io.onlineuser.testkit.FreePort;
import io.onlineuser.testkit.Jars;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;

/**
 * The real Prometheus JMX exporter agent ({@code jmx_prometheus_javaagent-1.0.1.jar}, resolved by
 * Maven) with the configuration we ship, bound to a free loopback port of one connector JVM.
 */
final class JmxExporterAgent {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private final int port;

    JmxExporterAgent() {
        this.port = FreePort.pick();
    }

    /** The exporter jar handed over by the pom ({@code jmx.exporter.jar}). */
    static Path jar() {
        String property = System.getProperty("jmx.exporter.jar");
        if (property == null || property.isBlank()) {
            throw new IllegalStateException("system property jmx.exporter.jar is not set: run the ITs through Maven (mvn -pl it verify)");
        }
        Path jar = Paths.get(property);
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("JMX exporter jar missing: " + jar);
        }
        return jar;
    }

    /** {@code examples/prometheus/jmx-exporter.yaml}, the configuration users copy. */
    static Path shippedConfig() {
        return Jars.repoRoot().resolve("examples/prometheus/jmx-exporter.yaml");
    }

    /** The JVM argument that loads the exporter, as the README tells users to write it. */
    String javaagentArgument() {
        return "-javaagent:" + jar() + "=127.0.0.1:" + port + ":" + shippedConfig();
    }

    int port() {
        return port;
    }

    String target() {
        return "127.0.0.1:" + port;
    }

    /** One scrape of {@code /metrics}, as Prometheus does it (text format). */
    PrometheusText scrape() {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://" + target() + "/metrics"))
                .timeout(Duration.ofSeconds(20))
                .header("Accept", "text/plain; version=0.0.4")
                .build();
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("GET /metrics answered " + response.statusCode() + ": " + response.body());
            }
            return PrometheusText.parse(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException("scrape of " + target() + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
