package io.onlineuser.it.jolokia;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.onlineuser.testkit.Jars;
import io.onlineuser.testkit.RequiredTool;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The official JavaScript client, {@code jolokia.js} 2.4.0 from npm (the client Hawtio is built on),
 * run by Node against our agent and the stock Jolokia agent: it must judge each of our answers as it
 * judges the stock agent's — successes as successes, errors as errors.
 */
class JolokiaJsIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> SUCCESSES = List.of("read", "exec", "search", "list", "version");
    private static final List<String> ERRORS = List.of("read forbidden", "exec refused", "read missing");

    @TempDir
    static Path workDir;
    private static StockAndOurs agents;
    private static Path client;

    @BeforeAll
    static void start() throws Exception {
        client = installClient(workDir.resolve("jolokia-js"));
        agents = StockAndOurs.start(workDir);
    }

    @AfterAll
    static void stop() {
        if (agents != null) {
            agents.close();
        }
    }

    @Test
    void jolokiaJsSeesEverySuccessAsSuccessAndEveryErrorAsError() throws Exception {
        Map<String, JsonNode> ours = judged(agents.oursUrl);
        for (String name : SUCCESSES) {
            assertThat(ours.get(name).path("success").asBoolean()).as("%s: %s", name, ours.get(name)).isTrue();
            assertThat(ours.get("bulk " + name).path("success").asBoolean()).as("bulk %s", name).isTrue();
        }
        for (String name : ERRORS) {
            assertThat(ours.get(name).path("success").asBoolean()).as(name).isFalse();
            assertThat(ours.get(name).path("error").asBoolean()).as(name).isTrue();
            assertThat(ours.get("bulk " + name).path("error").asBoolean()).as("bulk %s", name).isTrue();
        }
        assertThat(ours.get("oversize").path("error").asBoolean()).as("a 2 MB request, over our limit: %s",
                ours.get("oversize")).isTrue();
        assertThat(ours.get("oversize").path("status").asInt()).isEqualTo(413);

        Map<String, JsonNode> stock = judged(agents.stockUrl);
        stock.remove("oversize");
        assertThat(ours).as("as jolokia.js judges the stock agent's answers").containsAllEntriesOf(stock);
    }

    private static Map<String, JsonNode> judged(String url) throws IOException, InterruptedException {
        String output = run(client.getParent(), RequiredTool.onPath("node").toString(), client.toString(), url,
                "onlineuser:type=ConnectionStats,serverId=" + StockAndOurs.SERVER_ID,
                "onlineuser:type=Session,serverId=" + StockAndOurs.SERVER_ID);
        Map<String, JsonNode> byName = new LinkedHashMap<>();
        for (String line : output.split("\n")) {
            if (line.startsWith("{")) {
                JsonNode answer = JSON.readTree(line);
                byName.put(answer.path("name").asText(), answer);
            }
        }
        assertThat(byName).as("jolokia.js's output:\n" + output).hasSize(2 * (SUCCESSES.size() + ERRORS.size()) + 1);
        return byName;
    }

    /** it/src/test/node (the client script and its pinned package-lock.json), installed with npm ci. */
    private static Path installClient(Path dir) throws IOException, InterruptedException {
        Path source = Jars.repoRoot().resolve("it/src/test/node");
        Files.createDirectories(dir);
        for (String file : List.of("package.json", "package-lock.json", "jolokia-client.mjs")) {
            Files.copy(source.resolve(file), dir.resolve(file));
        }
        run(dir, RequiredTool.onPath("npm").toString(), "ci", "--no-audit", "--no-fund", "--loglevel=error");
        return dir.resolve("jolokia-client.mjs");
    }

    private static String run(Path dir, String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        byte[] output = process.getInputStream().readAllBytes();
        if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
            process.destroyForcibly();
            throw new IllegalStateException(String.join(" ", command) + " failed:\n"
                    + new String(output, StandardCharsets.UTF_8));
        }
        return new String(output, StandardCharsets.UTF_8);
    }
}
