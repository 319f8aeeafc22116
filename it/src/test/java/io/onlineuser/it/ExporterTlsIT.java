package io.onlineuser.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.onlineuser.collector.tls.ClientTls;
import io.onlineuser.sample.client.PomeloClient;
import io.onlineuser.testkit.ConnectorProcess;
import io.onlineuser.testkit.FreePort;
import io.onlineuser.testkit.Jars;
import io.onlineuser.testkit.TestPki;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shipped {@code jmx-exporter-https.yaml} serves {@code /metrics} over HTTPS with basic
 * auth, and the real Prometheus, configured with the shipped {@code prometheus-https.yml}
 * ({@code scheme: https}, {@code tls_config}, {@code basic_auth}), scrapes it.
 */
class ExporterTlsIT {

    private static final String PASSWORD = "scrape-pw-5d1e";
    private static final String SALT = "q8Zk2vR1";

    private final List<PomeloClient> clients = new ArrayList<>();
    private ConnectorProcess connector;
    private PrometheusServer prometheus;

    @AfterEach
    void stop() throws InterruptedException {
        clients.forEach(PomeloClient::abort);
        if (connector != null) {
            connector.close();
        }
        if (prometheus != null) {
            prometheus.close();
        }
    }

    @Test
    void theHttpsExporterHasTheSameRulesAsThePlainOne() throws Exception {
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
        Path examples = Jars.repoRoot().resolve("examples/prometheus");
        ObjectNode https = (ObjectNode) yaml.readTree(examples.resolve("jmx-exporter-https.yaml").toFile());
        JsonNode plain = yaml.readTree(examples.resolve("jmx-exporter.yaml").toFile());
        assertThat(https.remove("httpServer")).isNotNull();
        assertThat(https).isEqualTo(plain);
    }

    @Test
    void prometheusScrapesTheExporterOverHttpsWithBasicAuth(@TempDir Path dir) throws Exception {
        TestPki pki = TestPki.create(Files.createDirectory(dir.resolve("pki")));
        Path examples = Jars.repoRoot().resolve("examples/prometheus");
        String hash = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest((SALT + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8)));
        Path exporterConfig = dir.resolve("jmx-exporter-https.yaml");
        Files.writeString(exporterConfig, Files.readString(examples.resolve("jmx-exporter-https.yaml"))
                .replace("/etc/onlineuser/exporter.p12", pki.serverKeystore().toString())
                .replace("KEYSTORE_PASSWORD", pki.keystorePassword())
                .replace("salt: SALT", "salt: " + SALT)
                .replace("SHA256_OF_SALT_COLON_PASSWORD", hash));
        Files.setPosixFilePermissions(exporterConfig, PosixFilePermissions.fromString("rw-------"));
        int port = FreePort.pick();
        connector = AgentConnector.start("exporter-tls-1", Map.of(), List.of("-javaagent:" + JmxExporterAgent.jar()
                + "=127.0.0.1:" + port + ":" + exporterConfig));
        for (int i = 0; i < 2; i++) {
            PomeloClient client = PomeloClient.connectTcp("127.0.0.1", connector.pomeloPort());
            clients.add(client);
            assertThat(client.login("tls-scraped-" + i)).isEqualTo(200);
        }
        String metrics = "https://127.0.0.1:" + port + "/metrics";
        HttpClient trusting = HttpClient.newBuilder().sslContext(ClientTls.of(pki.caPem(), null, null).context())
                .connectTimeout(Duration.ofSeconds(10)).build();
        await("exporter serves").atMost(Duration.ofSeconds(60)).ignoreExceptions().untilAsserted(() ->
                assertThat(trusting.send(HttpRequest.newBuilder(URI.create(metrics)).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode()).isEqualTo(401));

        Path prometheusDir = Files.createDirectory(dir.resolve("prometheus"));
        Path passwordFile = prometheusDir.resolve("exporter-password");
        Files.writeString(passwordFile, PASSWORD + "\n");
        Files.writeString(prometheusDir.resolve("prometheus.yml"), Files.readString(examples.resolve("prometheus-https.yml"))
                .replace("scrape_interval: 15s", "scrape_interval: 1s")
                .replace("evaluation_interval: 15s", "evaluation_interval: 1s")
                .replace("refresh_interval: 30s", "refresh_interval: 1s")
                .replace("/etc/prometheus/onlineuser-ca.pem", pki.caPem().toString())
                .replace("/etc/prometheus/onlineuser-exporter-password", passwordFile.toString()));
        Files.copy(examples.resolve("alerts.yml"), prometheusDir.resolve("alerts.yml"));
        Files.copy(examples.resolve("recording.yml"), prometheusDir.resolve("recording.yml"));
        Files.createDirectories(prometheusDir.resolve("targets"));
        new ObjectMapper().writeValue(prometheusDir.resolve("targets/connectors.json").toFile(),
                List.of(Map.of("targets", List.of("127.0.0.1:" + port))));
        prometheus = PrometheusServer.launch(prometheusDir, "prometheus.yml");

        await("Prometheus ready").atMost(Duration.ofSeconds(60)).until(prometheus::ready);
        await("the exporter is up over HTTPS").atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            JsonNode targets = prometheus.data("/api/v1/targets").path("activeTargets");
            assertThat(targets).hasSize(1);
            JsonNode target = targets.get(0);
            assertThat(target.path("scrapeUrl").asText()).isEqualTo(metrics);
            assertThat(target.path("health").asText()).as("%s\n%s", target, prometheus.log()).isEqualTo("up");
        });
        await("logged-in users scraped").atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(prometheus.scalar("onlineuser_logged_in_users{server_id=\"exporter-tls-1\"}")).isEqualTo(2.0));

        HttpResponse<String> wrongPassword = trusting.send(HttpRequest.newBuilder(URI.create(metrics))
                .header("Authorization", "Basic " + java.util.Base64.getEncoder()
                        .encodeToString("prometheus:wrong".getBytes(StandardCharsets.UTF_8))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(wrongPassword.statusCode()).isEqualTo(401);
    }
}
