package io.onlineuser.bench.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.onlineuser.collector.api.ClusterSnapshot;
import io.onlineuser.collector.api.OnlineUserCluster;
import io.onlineuser.testkit.Jars;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The collector against 50 simulated connectors in two JVMs (the agent's tracker and MXBeans, a
 * Jolokia server each): 10 silent, 2 refusing, 2 wanting credentials, 10 slow (400 ms a call).
 * Concurrency stays within its bound, every failing connector is named with its reason by the
 * deadline plus a margin, and the jar summarises the failures by reason.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FleetCollectorIT {

    private static final int USERS = 200;
    private static final long TIMEOUT_MILLIS = 2000;
    /** Scheduling slack on a loaded 2-core machine; the point is that silence does not add up. */
    private static final long MARGIN_MILLIS = 3000;

    private static final ObjectMapper JSON = new ObjectMapper();

    private final FleetSpec spec = FleetSpec.healthy("it", 50, USERS, 2)
            .withFault(Fault.SILENT, 0.2).withFault(Fault.REFUSED, 0.04).withFault(Fault.UNAUTHORIZED, 0.04)
            .withFault(Fault.SLOW, 0.2).withSlowMillis(400);
    private Fleet fleet;

    @BeforeAll
    void startFleet() throws Exception {
        fleet = Fleet.start(spec, Files.createTempDirectory("fleet-it"), "256m");
    }

    @AfterAll
    void stopFleet() throws Exception {
        if (fleet != null) {
            fleet.close();
        }
    }

    @Test
    void concurrencyStaysWithinItsBound() {
        OnlineUserCluster.Builder builder = OnlineUserCluster.builder().concurrency(4).timeout(Duration.ofSeconds(30));
        List<String> answering = new ArrayList<>(spec.serverIds(Fault.NONE));
        answering.addAll(spec.serverIds(Fault.SLOW));
        targetsOf(answering).forEach(builder::target);
        try (OnlineUserCluster cluster = builder.build()) {
            ClusterSnapshot snapshot = cluster.online();
            assertThat(snapshot.errors()).isEmpty();
            assertThat(snapshot.servers().keySet()).containsExactlyInAnyOrderElementsOf(answering);
            assertThat(snapshot.totals().loginedCount()).isEqualTo((long) answering.size() * USERS);
            // ten slow connectors keep four calls busy at a time: the bound is reached and never passed
            assertThat(cluster.progress().peakRunning()).isEqualTo(4);
        }
    }

    @Test
    void everyFailingConnectorIsNamedByTheDeadline() {
        try (OnlineUserCluster cluster = OnlineUserCluster.builder().discoveryDir(fleet.discoveryDir())
                .timeout(Duration.ofMillis(TIMEOUT_MILLIS)).build()) {
            cluster.online();
            long start = System.nanoTime();
            ClusterSnapshot snapshot = cluster.online();
            long tookMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);

            assertThat(tookMillis).as("one question with 10 silent connectors").isLessThan(TIMEOUT_MILLIS + MARGIN_MILLIS);
            Map<String, String> errors = snapshot.errors();
            spec.serverIds(Fault.SILENT).forEach(id -> assertThat(errors.get(id)).as(id).isEqualTo("timed out: no answer within 2000 ms"));
            spec.serverIds(Fault.REFUSED).forEach(id -> assertThat(errors.get(id)).as(id).isEqualTo("connection refused"));
            spec.serverIds(Fault.UNAUTHORIZED).forEach(id -> assertThat(errors.get(id)).as(id).startsWith("HTTP 401"));
            assertThat(errors).hasSize(14);
            assertThat(snapshot.totals().loginedCount()).isEqualTo(spec.reachableUsers());
            assertThat(cluster.progress().peakRunning()).isLessThanOrEqualTo(256);
        }
    }

    @Test
    void theJarSummarisesManyFailuresByReason() throws Exception {
        String out = runJar("--discovery-dir", fleet.discoveryDir().toString(), "--timeout", "2000", "online");
        assertThat(out).contains("(10 of 14 failed)", "timed out: no answer within 2000 ms (10): ", ", … and 5 more");
        assertThat(out).contains("(2 of 14 failed)", "connection refused (2): ");
        assertThat(out).contains("total (36/50)");
        spec.serverIds(Fault.SILENT).stream().skip(5).forEach(id -> assertThat(out).doesNotContain(id));
        assertThat(out.lines().count()).as("36 ok rows, 3 reasons, header and total").isEqualTo(36 + 3 + 2);
    }

    /** The Jolokia URLs the simulator announced for these server ids, read from their discovery files. */
    private List<String> targetsOf(List<String> serverIds) {
        List<String> urls = new ArrayList<>();
        for (String id : serverIds) {
            try {
                JsonNode groups = JSON.readTree(fleet.discoveryDir().resolve(id + ".json").toFile());
                urls.add(groups.get(0).path("labels").path("jolokia_url").asText());
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
        return urls;
    }

    private static String runJar(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Jars.javaExecutable(), "-jar", Jars.collectorJar().toString()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as("exit status (some failed)").isEqualTo(2);
        return out;
    }
}
