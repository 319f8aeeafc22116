package io.onlineuser.collector.dns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.onlineuser.collector.api.ClusterSnapshot;
import io.onlineuser.collector.api.OnlineUserCluster;
import io.onlineuser.testkit.ConnectorProcess;
import io.onlineuser.testkit.Jars;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * DNS discovery as a Kubernetes headless service gives it: two real connectors (sample-server with
 * the agent) whose Jolokia listens on the same port of two loopback addresses, one name in a real
 * DNS server (dnsmasq) that lists one, then both, then the other; the collector follows each change
 * without a restart, through the library and through the jar's {@code --dns}.
 */
class DnsDiscoveryIT {

    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final String NAME = "connectors.onlineuser.test";
    private static final String ADDRESS_A = "127.0.9.2";
    private static final String ADDRESS_B = "127.0.9.3";

    private final List<AutoCloseable> resources = new ArrayList<>();

    @AfterEach
    void stop() throws Exception {
        for (int i = resources.size() - 1; i >= 0; i--) {
            resources.get(i).close();
        }
    }

    @Test
    void connectorsAppearAndDisappearWithTheirRecords(@TempDir Path dir) throws Exception {
        int jolokiaPort = portFreeOnBoth(ADDRESS_A, ADDRESS_B);
        resources.add(connector("dns-a", ADDRESS_A, jolokiaPort));
        resources.add(connector("dns-b", ADDRESS_B, jolokiaPort));
        Dnsmasq dns = Dnsmasq.start(dir, List.of(ADDRESS_A + " " + NAME));
        resources.add(dns);

        OnlineUserCluster cluster = OnlineUserCluster.builder()
                .dns(NAME + ":" + jolokiaPort).dnsServer(dns.address())
                .timeout(Duration.ofSeconds(10)).build();
        resources.add(cluster);

        await("only dns-a listed").atMost(PATIENCE).untilAsserted(() -> assertServers(cluster.online(), "dns-a"));

        dns.hosts(List.of(ADDRESS_A + " " + NAME, ADDRESS_B + " " + NAME));
        await("dns-b added by its record").atMost(PATIENCE).untilAsserted(() -> assertServers(cluster.online(), "dns-a", "dns-b"));

        dns.hosts(List.of(ADDRESS_B + " " + NAME));
        await("dns-a gone with its record").atMost(PATIENCE).untilAsserted(() -> assertServers(cluster.online(), "dns-b"));

        JsonNode jar = runJar("--dns", NAME + ":" + jolokiaPort, "--dns-server", dns.address(), "--timeout", "30000", "--json", "online");
        assertThat(jar.path("servers").has("dns-b")).as("jar answer %s", jar).isTrue();
        assertThat(jar.path("servers").size()).isEqualTo(1);
        assertThat(jar.path("errors").size()).isZero();

        dns.hosts(List.of());
        await("an unknown name is an error, not an empty healthy cluster").atMost(PATIENCE).untilAsserted(() -> {
            ClusterSnapshot snapshot = cluster.online();
            assertThat(snapshot.servers()).isEmpty();
            assertThat(snapshot.errors()).containsKey("discovery dns " + NAME + ":" + jolokiaPort);
            assertThat(snapshot.errors().get("discovery dns " + NAME + ":" + jolokiaPort)).contains("no such name");
        });
    }

    private static void assertServers(ClusterSnapshot snapshot, String... serverIds) {
        assertThat(snapshot.servers().keySet()).containsExactly(serverIds);
        assertThat(snapshot.errors()).isEmpty();
    }

    private static ConnectorProcess connector(String serverId, String address, int jolokiaPort) throws IOException {
        return ConnectorProcess.builder().serverId(serverId)
                .agentOption("jolokia.host", address)
                .agentOption("jolokia.port", Integer.toString(jolokiaPort))
                .start();
    }

    /** One port for both addresses, as every pod of a service has the same container port. */
    private static int portFreeOnBoth(String first, String second) throws IOException {
        for (int i = 0; i < 20; i++) {
            try (ServerSocket a = new ServerSocket(0, 1, InetAddress.getByName(first))) {
                try (ServerSocket b = new ServerSocket(a.getLocalPort(), 1, InetAddress.getByName(second))) {
                    return a.getLocalPort();
                } catch (IOException taken) {
                    // busy on the second address: try another
                }
            }
        }
        throw new IOException("no port free on both " + first + " and " + second);
    }

    private static JsonNode runJar(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Jars.javaExecutable(), "-jar", Jars.collectorJar().toString()));
        command.addAll(List.of(args));
        Path out = Files.createTempFile("dns-it", ".out");
        Process process = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        try {
            if (!process.waitFor(120, TimeUnit.SECONDS)) {
                throw new IOException("collector did not finish: " + command);
            }
            assertThat(process.exitValue()).as("exit status of %s", command).isZero();
            return new ObjectMapper().readTree(Files.readString(out));
        } finally {
            process.destroyForcibly();
            Files.deleteIfExists(out);
        }
    }
}
