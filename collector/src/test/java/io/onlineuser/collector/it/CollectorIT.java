package io.onlineuser.collector.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.onlineuser.collector.api.ClusterSnapshot;
import io.onlineuser.collector.api.KickResult;
import io.onlineuser.collector.api.LoginsSummary;
import io.onlineuser.collector.api.OnlineUserCluster;
import io.onlineuser.collector.api.UserLookup;
import io.onlineuser.collector.fake.SilentTarget;
import io.onlineuser.collector.model.LoginEntry;
import io.onlineuser.collector.web.HeadlessChromium;
import io.onlineuser.sample.bots.Bots;
import io.onlineuser.sample.client.PomeloClient;
import io.onlineuser.testkit.ConnectorProcess;
import io.onlineuser.testkit.Jars;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Three real sample-server JVMs with the agent, found through the agents' discovery files, asked
 * by the collector library, the collector jar and a headless browser. The last test breaks them:
 * one killed, one paused (SIGSTOP), plus a socket that accepts and never answers.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CollectorIT {

    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final int[] BOT_LOGINS = {20, 10, 5};
    /** A fresh collector JVM on a loaded 2-core machine: correctness checks must not hinge on the default 2 s. */
    private static final String CLI_TIMEOUT = "30000";

    private final List<AutoCloseable> resources = new ArrayList<>();
    private final List<ConnectorProcess> connectors = new ArrayList<>();
    private final ObjectMapper json = new ObjectMapper();
    private Path discoveryDir;
    private OnlineUserCluster cluster;
    private PomeloClient twinOn1;
    private PomeloClient twinOn2;
    private PomeloClient victim;

    @BeforeAll
    void startCluster() throws Exception {
        discoveryDir = Files.createTempDirectory("collector-it-sd");
        for (int i = 1; i <= 3; i++) {
            ConnectorProcess connector = ConnectorProcess.builder()
                    .serverId("connector-" + i)
                    .withAgent(true)
                    .agentOption("kick.enabled", "true")
                    .agentOption("discovery.dir", discoveryDir.toString())
                    .jvmArg("-Xmx256m")
                    .start();
            connectors.add(connector);
            resources.add(connector);
            Bots bots = Bots.builder("127.0.0.1", connector.pomeloPort())
                    .connections(BOT_LOGINS[i - 1] + 5).logins(BOT_LOGINS[i - 1]).uidPrefix("c" + i + "-bot-").start();
            resources.add(bots);
        }
        twinOn1 = client(1);
        twinOn2 = client(2);
        victim = client(3);
        assertThat(twinOn1.login("twin")).isEqualTo(200);
        assertThat(twinOn2.login("twin")).isEqualTo(200);
        assertThat(victim.login("victim")).isEqualTo(200);
        cluster = OnlineUserCluster.builder().discoveryDir(discoveryDir).timeout(Duration.ofMillis(2000)).pageSize(7).build();
        resources.add(cluster);
    }

    @AfterAll
    void stopCluster() throws Exception {
        for (int i = resources.size() - 1; i >= 0; i--) {
            resources.get(i).close();
        }
    }

    @Test
    @Order(1)
    void totalsCoverEveryConnectorFoundByDiscovery() {
        await().atMost(PATIENCE).untilAsserted(() -> {
            ClusterSnapshot snapshot = cluster.online();
            assertThat(snapshot.errors()).isEmpty();
            assertThat(snapshot.servers()).containsOnlyKeys("connector-1", "connector-2", "connector-3");
            assertThat(snapshot.servers().get("connector-1").loginedCount()).isEqualTo(21);
            assertThat(snapshot.servers().get("connector-2").loginedCount()).isEqualTo(11);
            assertThat(snapshot.servers().get("connector-3").loginedCount()).isEqualTo(6);
            assertThat(snapshot.totals().loginedCount()).isEqualTo(38);
            assertThat(snapshot.totals().totalConnCount()).isEqualTo(25 + 1 + 15 + 1 + 10 + 1);
        });
    }

    @Test
    @Order(2)
    void jarPrintsJsonWithTheDuplicateLogin() throws Exception {
        CliRun run = runJar("--discovery-dir", discoveryDir.toString(), "--timeout", CLI_TIMEOUT, "online", "--json", "--check-duplicates");

        assertThat(run.status).as(run.stderr).isEqualTo(0);
        JsonNode answer = json.readTree(run.stdout);
        assertThat(answer.at("/totals/loginedCount").asInt()).isEqualTo(38);
        assertThat(answer.at("/servers/connector-3/serverType").asText()).isEqualTo("connector");
        assertThat(answer.at("/duplicates/twin").toString()).isEqualTo("[\"connector-1\",\"connector-2\"]");
        assertThat(answer.path("duplicates").size()).isEqualTo(1);
    }

    @Test
    @Order(3)
    void findSeesBothSessionsOfTheTwinAndExitStatusTells() throws Exception {
        UserLookup twin = cluster.find("twin");
        assertThat(twin.serverIds()).containsExactly("connector-1", "connector-2");
        assertThat(twin.sessions()).allSatisfy(s -> assertThat(s.address()).startsWith("127.0.0.1:"));

        CliRun found = runJar("--discovery-dir", discoveryDir.toString(), "--timeout", CLI_TIMEOUT, "find", "c2-bot-3");
        assertThat(found.status).as(found.stderr).isEqualTo(0);
        assertThat(found.stdout).contains("c2-bot-3 is online on connector-2");
        CliRun ghost = runJar("--discovery-dir", discoveryDir.toString(), "--timeout", CLI_TIMEOUT, "find", "ghost");
        assertThat(ghost.status).as(ghost.stdout).isEqualTo(1);
    }

    @Test
    @Order(3)
    void launcherWritesAClassArchiveOnceThenRunsFromIt() throws Exception {
        Path archives = Files.createTempDirectory("collector-it-cds");
        Path classLog = archives.resolve("class-load.log");
        String[] online = {"--discovery-dir", discoveryDir.toString(), "--timeout", CLI_TIMEOUT, "online", "--json"};

        CliRun usage = runLauncher(archives, "", "--no-such-option", "online");
        assertThat(usage.status).isEqualTo(64);
        try (var files = Files.list(archives)) {
            assertThat(files).as("a usage error writes no archive").isEmpty();
        }
        CliRun first = runLauncher(archives, "", online);
        CliRun second = runLauncher(archives, "-Xlog:class+load:file=" + classLog, online);

        for (CliRun run : List.of(first, second)) {
            assertThat(run.status).as(run.stderr).isEqualTo(0);
            assertThat(run.stderr).isEmpty();
            assertThat(json.readTree(run.stdout).at("/totals/loginedCount").asInt()).isEqualTo(38);
        }
        try (var files = Files.list(archives)) {
            assertThat(files.map(f -> f.getFileName().toString())).containsExactlyInAnyOrder(
                    "class-load.log", archiveName());
        }
        assertThat(Files.readString(classLog))
                .contains("io.onlineuser.collector.cli.CollectorMain source: shared objects file")
                .contains("picocli.CommandLine$Model$CommandSpec source: shared objects file");
    }

    /** The name the launcher gives the archive: the jar's and the java binary's size and modification time. */
    private static String archiveName() throws IOException {
        Path java = Path.of(Jars.javaExecutable()).toRealPath();
        return "onlineuser-collector-" + sizeAndTime(Jars.collectorJar()) + "-" + sizeAndTime(java) + "-cds.jsa";
    }

    private static String sizeAndTime(Path file) throws IOException {
        return Files.size(file) + "-" + Files.getLastModifiedTime(file).toMillis() / 1000;
    }

    @Test
    @Order(4)
    void loginsListsEveryUserPageByPage() {
        List<LoginEntry> rows = new CopyOnWriteArrayList<>();
        LoginsSummary summary = cluster.logins(null, 0, rows::add);

        assertThat(summary.errors()).isEmpty();
        assertThat(rows).hasSize(38);
        assertThat(rows).filteredOn(r -> r.serverId().equals("connector-1")).extracting(LoginEntry::uid)
                .contains("twin", "c1-bot-0").hasSize(21);
        assertThat(rows).allSatisfy(r -> assertThat(r.loginTime()).isPositive());
    }

    @Test
    @Order(5)
    void kickClosesTheSessionAndTheClientIsToldWhy() {
        KickResult result = cluster.kick("victim", "maintenance");

        assertThat(result.errors()).isEmpty();
        assertThat(result.kicked()).containsEntry("connector-3", 1);
        assertThat(victim.awaitKick(PATIENCE)).contains("maintenance");
        await().atMost(PATIENCE).until(() -> !cluster.isOnline("victim"));
    }

    @Test
    @Order(6)
    void servedDashboardShowsTotalsChartAndSearchInABrowser() throws Exception {
        Process serve = new ProcessBuilder(Jars.javaExecutable(), "-jar", Jars.collectorJar().toString(),
                "--discovery-dir", discoveryDir.toString(), "serve", "--port", "0", "--refresh", "0.5")
                .redirectErrorStream(true).start();
        try {
            BufferedReader output = new BufferedReader(new InputStreamReader(serve.getInputStream(), StandardCharsets.UTF_8));
            String banner = CompletableFuture.supplyAsync(() -> firstLine(output)).get(120, TimeUnit.SECONDS);
            Matcher url = Pattern.compile("serving (http://\\S+/) ").matcher(banner);
            assertThat(url.find()).as(banner).isTrue();
            await().atMost(PATIENCE).until(() -> historyPoints(url.group(1)) >= 2);

            String dom = HeadlessChromium.dumpDom(url.group(1) + "?uid=twin");

            assertThat(dom).containsPattern("id=\"total-logined\"[^>]*>37<");
            assertThat(dom).containsPattern("id=\"servers-ok\"[^>]*>3/3<");
            assertThat(dom).contains("<polyline");
            assertThat(dom).contains("twin on connector-1, connector-2");
            assertThat(dom).containsPattern("id=\"page-info\"[^>]*>1–2 of 2<");
        } finally {
            serve.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }
    }

    @Test
    @Order(7)
    void brokenConnectorsAreNamedAndTheRestStillCounted() throws Exception {
        String silent = silentSocket();
        connectors.get(1).pause();
        connectors.get(2).kill();
        try (OnlineUserCluster withSilent = OnlineUserCluster.builder().discoveryDir(discoveryDir).target(silent)
                .timeout(Duration.ofMillis(2000)).build()) {
            ClusterSnapshot snapshot = assertTimeoutPreemptively(Duration.ofSeconds(30), () -> withSilent.online());

            assertThat(snapshot.servers()).containsOnlyKeys("connector-1");
            assertThat(snapshot.totals().loginedCount()).isEqualTo(21);
            assertThat(snapshot.errors()).containsOnlyKeys("connector-2", "connector-3", silent);
            assertThat(snapshot.errors().get("connector-2")).startsWith("timed out");
            assertThat(snapshot.errors().get("connector-3")).isEqualTo("connection refused");
            assertThat(snapshot.errors().get(silent)).startsWith("timed out");

            UserLookup twin = assertTimeoutPreemptively(Duration.ofSeconds(30), () -> withSilent.find("twin"));
            assertThat(twin.serverIds()).containsExactly("connector-1");
            assertThat(twin.errors()).containsOnlyKeys("connector-2", "connector-3", silent);
        } finally {
            connectors.get(1).resume();
        }
        CliRun run = runJar("--discovery-dir", discoveryDir.toString(), "--timeout", "2000", "online");
        assertThat(run.status).isEqualTo(2);
        assertThat(run.stdout).containsPattern("connector-3\\s+-\\s+-\\s+-\\s+connection refused");
    }

    private static String firstLine(BufferedReader output) {
        try {
            return String.valueOf(output.readLine());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private int historyPoints(String base) throws IOException, InterruptedException {
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(base + "api/history")).build(), HttpResponse.BodyHandlers.ofString());
        return json.readTree(response.body()).path("points").size();
    }

    private PomeloClient client(int connector) throws IOException {
        PomeloClient client = PomeloClient.connectTcp("127.0.0.1", connectors.get(connector - 1).pomeloPort());
        resources.add(client);
        return client;
    }

    private String silentSocket() throws IOException {
        SilentTarget silent = SilentTarget.start();
        resources.add(silent);
        return silent.url();
    }

    private static CliRun runJar(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Jars.javaExecutable(), "-jar", Jars.collectorJar().toString()));
        command.addAll(List.of(args));
        return run(new ProcessBuilder(command));
    }

    private static CliRun run(ProcessBuilder builder) throws IOException, InterruptedException {
        Path out = Files.createTempFile("collector-it", ".out");
        Path err = Files.createTempFile("collector-it", ".err");
        Process process = builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        try {
            if (!process.waitFor(120, TimeUnit.SECONDS)) {
                throw new IOException("collector did not finish: " + builder.command());
            }
            return new CliRun(process.exitValue(), Files.readString(out), Files.readString(err));
        } finally {
            process.destroyForcibly();
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    /** The launcher beside the jar, as an operator runs it, with its archives in {@code archives}. */
    private static CliRun runLauncher(Path archives, String javaOpts, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Jars.collectorLauncher().toString()));
        command.addAll(List.of(args));
        ProcessBuilder launcher = new ProcessBuilder(command);
        launcher.environment().put("JAVA_HOME", Jars.javaHome());
        launcher.environment().put("ONLINEUSER_CDS_DIR", archives.toString());
        launcher.environment().put("JAVA_OPTS", javaOpts);
        return run(launcher);
    }

    private record CliRun(int status, String stdout, String stderr) {
    }
}
