package io.onlineuser.collector.cli;

import static io.onlineuser.collector.cli.CliRun.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.onlineuser.collector.fake.FakeAgent;
import io.onlineuser.collector.fake.FakeConnector;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The commands as a user types them, against a real Jolokia; output and exit status are what scripts read. */
class CollectorCliTest {

    private final List<AutoCloseable> resources = new ArrayList<>();
    private String url;
    private String refused;

    @BeforeEach
    void start() throws Exception {
        resources.add(new FakeConnector("connector-1").login("alice").login("bob"));
        resources.add(new FakeConnector("connector-2").login("bob").login("carol").login("dave"));
        FakeAgent agent = new FakeAgent();
        resources.add(agent);
        url = agent.url();
        try (ServerSocket socket = new ServerSocket(0)) {
            refused = "http://127.0.0.1:" + socket.getLocalPort() + "/jolokia";
        }
    }

    @AfterEach
    void stop() throws Exception {
        for (int i = resources.size() - 1; i >= 0; i--) {
            resources.get(i).close();
        }
    }

    @Test
    void everyCommandAnswersHelp() {
        for (Class<?> each : CommandTable.all()) {
            String command = each.getAnnotation(Command.class).name();
            CliRun run = run(command, "--help");
            assertThat(run.status()).as(command + " --help: " + run.err()).isEqualTo(0);
            assertThat(run.out()).as(command).startsWith("Usage: onlineuser-collector " + command);
        }
    }

    @Test
    void onlinePrintsATableWithATotalRow() {
        CliRun run = run("--target", url, "online", "--check-duplicates");

        assertThat(run.status()).isEqualTo(0);
        assertThat(run.out()).containsPattern("connector-1\\s+connector\\s+3\\s+2\\s+ok");
        assertThat(run.out()).containsPattern("connector-2\\s+connector\\s+4\\s+3\\s+ok");
        assertThat(run.out()).containsPattern("total \\(2/2\\)\\s+7\\s+5");
        assertThat(run.out()).contains("bob on connector-1, connector-2");
    }

    @Test
    void onlineJsonUsesPomeloNamesAndExitsTwoWhenAConnectorFails() throws IOException {
        CliRun run = run("online", "--json", "--target", url, "--target", refused, "--timeout", "30000");

        assertThat(run.status()).isEqualTo(2);
        JsonNode json = new ObjectMapper().readTree(run.out());
        assertThat(json.at("/servers/connector-2/loginedCount").asInt()).isEqualTo(3);
        assertThat(json.at("/servers/connector-2/totalConnCount").asInt()).isEqualTo(4);
        assertThat(json.at("/totals/loginedCount").asInt()).isEqualTo(5);
        assertThat(json.path("errors").path(refused).asText()).isEqualTo("connection refused");
    }

    @Test
    void findExitStatusSaysOnlineNotOnlineOrUnknown() {
        CliRun online = run("--target", url, "find", "bob");
        assertThat(online.status()).isEqualTo(0);
        assertThat(online.out()).contains("bob is online on connector-1, connector-2").contains("duplicate login");

        CliRun offline = run("--target", url, "find", "zoe", "--json");
        assertThat(offline.status()).isEqualTo(1);
        assertThat(offline.out().trim()).isEqualTo("{\"uid\":\"zoe\",\"online\":false,\"servers\":[],\"sessions\":[],\"errors\":{}}");

        CliRun unknown = run("--target", url, "--target", refused, "find", "zoe");
        assertThat(unknown.status()).isEqualTo(3);
        assertThat(unknown.out()).contains("error: " + refused + ": connection refused");
    }

    @Test
    void loginsPrintsLikePomeloCli() {
        CliRun run = run("--target", url, "logins", "--server", "connector-2");

        assertThat(run.status()).isEqualTo(0);
        assertThat(run.out().lines().findFirst().orElseThrow()).containsPattern("loginTime\\s+uid\\s+address\\s+serverId");
        assertThat(run.out()).containsPattern("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d\\s+carol\\s+10\\.0\\.0\\.1:\\d+\\s+connector-2");
        assertThat(run.out()).doesNotContain("alice");
        assertThat(run.err()).contains("3 logged-in user(s) listed");
    }

    @Test
    void kickReportsPerServerAndExitsOneWhenNothingToKick() {
        CliRun kick = run("--target", url, "kick", "bob", "--reason", "maintenance");
        assertThat(kick.status()).isEqualTo(0);
        assertThat(kick.out()).contains("connector-1: 1 session(s) closed").contains("total: 2 session(s) of bob closed");

        assertThat(run("--target", url, "kick", "bob").status()).isEqualTo(1);
    }

    @Test
    void watchRefreshesOnOneClusterUntilTheCount() {
        CliRun run = run("--target", url, "watch", "--interval", "0.1", "--count", "2");

        assertThat(run.status()).isEqualTo(0);
        assertThat(run.out().split("total \\(2/2\\)", -1)).hasSize(3);
    }

    @Test
    void anEmptyDiscoveryDirectoryIsAnErrorNotAnEmptyCluster(@TempDir Path empty) {
        CliRun run = run("--discovery-dir", empty.toString(), "online");

        assertThat(run.status()).isEqualTo(2);
        assertThat(run.out()).contains("no connector listed in [" + empty + "]");
    }

    @Test
    void badCommandLinesExitSixtyFourWithAMessage() {
        assertThat(run("online").status()).isEqualTo(64);
        CliRun badTimeout = run("--target", url, "--timeout", "0", "online");
        assertThat(badTimeout.status()).isEqualTo(64);
        assertThat(badTimeout.err()).contains("--timeout must be a positive number");
        assertThat(run("--target", "ftp://nowhere/", "online").err()).contains("http:// or https://");
        assertThat(run("--frobnicate").status()).isEqualTo(64);
    }
}
