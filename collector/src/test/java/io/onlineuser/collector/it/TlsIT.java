package io.onlineuser.collector.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.onlineuser.collector.api.ClusterSnapshot;
import io.onlineuser.collector.api.OnlineUserCluster;
import io.onlineuser.collector.tls.ClientTls;
import io.onlineuser.sample.client.PomeloClient;
import io.onlineuser.testkit.ConnectorProcess;
import io.onlineuser.testkit.Jars;
import io.onlineuser.testkit.TestPki;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The collector and real connector JVMs over HTTPS with certificates made at test time.
 * Agent A: PEM files, client certificates required (only {@code CN=collector}) and a password, both
 * given the documented secure way (files). Agent B: a PKCS#12 keystore, no authentication, listening
 * on every interface with {@code kick.enabled=true}. Every failure is named in the collector's
 * {@code errors} for what it is.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TlsIT {

    private static final String PASSWORD = "agent-pw-0f7c";
    private static final Duration TIMEOUT = Duration.ofSeconds(15);

    private Path dir;
    private TestPki pki;
    private Path passwordFile;
    private ConnectorProcess mtls;
    private ConnectorProcess open;
    private PomeloClient player;

    @BeforeAll
    void start() throws Exception {
        dir = Files.createTempDirectory("tls-it");
        pki = TestPki.create(dir);
        passwordFile = ownerOnly("jolokia-password", PASSWORD + "\n");
        Path keystorePasswordFile = ownerOnly("keystore-password", pki.keystorePassword() + "\n");
        mtls = ConnectorProcess.builder().serverId("tls-mtls")
                .agentOption("jolokia.user", "ops")
                .agentOption("jolokia.password.file", passwordFile.toString())
                .agentOption("jolokia.tls.cert", pki.serverPem().toString())
                .agentOption("jolokia.tls.key", pki.serverKeyPem().toString())
                .agentOption("jolokia.tls.ca", pki.caPem().toString())
                .agentOption("jolokia.tls.clientAuth", "true")
                .agentOption("jolokia.tls.clientPrincipal", "CN=collector")
                .agentOption("kick.enabled", "true")
                .agentOption("discovery.dir", Files.createDirectory(dir.resolve("discovery")).toString())
                .start();
        open = ConnectorProcess.builder().serverId("tls-open")
                .agentOption("jolokia.host", "0.0.0.0")
                .agentOption("jolokia.tls.keystore", pki.serverKeystore().toString())
                .agentOption("jolokia.tls.keystorePassword.file", keystorePasswordFile.toString())
                .agentOption("kick.enabled", "true")
                .start();
        player = PomeloClient.connectTcp("127.0.0.1", mtls.pomeloPort());
        assertThat(player.login("tls-user-1")).isEqualTo(200);
    }

    @AfterAll
    void stop() throws Exception {
        if (player != null) {
            player.close();
        }
        if (mtls != null) {
            mtls.close();
        }
        if (open != null) {
            open.close();
        }
    }

    @Test
    void mutualTlsWithTheRightClientCertificateAndPasswordIsAnswered() {
        assertThat(mtls.jolokiaUrl()).startsWith("https://127.0.0.1:");
        ClusterSnapshot snapshot = online(mtls.jolokiaUrl(), "ops", PASSWORD,
                ClientTls.of(pki.caPem(), pki.clientPem(), pki.clientKeyPem()));
        assertThat(snapshot.errors()).isEmpty();
        assertThat(snapshot.servers().get("tls-mtls").loginedCount()).isEqualTo(1);
    }

    @Test
    void discoveryEntriesCarryTheHttpsUrl() throws Exception {
        String entry = Files.readString(dir.resolve("discovery/tls-mtls.json"));
        assertThat(entry).contains("\"jolokia_url\":\"" + mtls.jolokiaUrl());
        try (OnlineUserCluster cluster = OnlineUserCluster.builder().discoveryDir(dir.resolve("discovery"))
                .credentials("ops", PASSWORD).tls(ClientTls.of(pki.caPem(), pki.clientPem(), pki.clientKeyPem()))
                .timeout(TIMEOUT).build()) {
            ClusterSnapshot snapshot = cluster.online();
            assertThat(snapshot.errors()).isEmpty();
            assertThat(snapshot.servers()).containsOnlyKeys("tls-mtls");
        }
    }

    @Test
    void eachFailureIsNamedInErrors() {
        String url = mtls.jolokiaUrl();
        ClientTls noClientCertificate = ClientTls.of(pki.caPem(), null, null);
        assertThat(error(url, "ops", PASSWORD, noClientCertificate))
                .startsWith("TLS: client certificate required: the agent requires a client certificate: give --cert and --key");
        assertThat(error(url, "ops", PASSWORD, ClientTls.of(pki.caPem(), pki.otherClientPem(), pki.otherClientKeyPem())))
                .isEqualTo("TLS: client certificate refused: the agent accepts client certificates of another CA than that"
                        + " of --cert (O=elsewhere,CN=collector, issued by CN=some other CA)");
        assertThat(error(url, "ops", PASSWORD, ClientTls.of(pki.caPem(), pki.intruderPem(), pki.intruderKeyPem())))
                .startsWith("HTTP 403 forbidden");
        ClientTls right = ClientTls.of(pki.caPem(), pki.clientPem(), pki.clientKeyPem());
        assertThat(error(url, "ops", "wrong-password", right)).isEqualTo("HTTP 401 unauthorized: wrong or missing --user/--password");
        assertThat(error(url, null, null, right)).isEqualTo("HTTP 401 unauthorized: wrong or missing --user/--password");
        assertThat(error(url, "ops", PASSWORD, ClientTls.systemDefault()))
                .startsWith("TLS: untrusted certificate: the agent's certificate (CN=agent, issued by CN=onlineuser test CA)"
                        + " is not trusted: give its CA with --cacert");
        assertThat(error(url, "ops", PASSWORD, ClientTls.of(pki.otherCaPem(), pki.clientPem(), pki.clientKeyPem())))
                .startsWith("TLS: untrusted certificate");
        assertThat(error(url.replace("https://", "http://"), "ops", PASSWORD, right)).isNotBlank();
    }

    @Test
    void aKeystoreAgentOnEveryInterfaceServesHttpsAndNamesAHostNameMismatch() throws Exception {
        int port = URI.create(open.jolokiaUrl()).getPort();
        ClientTls trustingTheCa = ClientTls.of(pki.caPem(), null, null);
        ClusterSnapshot byIp = online("https://127.0.0.1:" + port + "/jolokia", null, null, trustingTheCa);
        assertThat(byIp.errors()).isEmpty();
        assertThat(byIp.servers()).containsKey("tls-open");
        assertThat(error("https://127.0.0.2:" + port + "/jolokia", null, null, trustingTheCa))
                .isEqualTo("TLS: host-name mismatch: the agent's certificate is for 127.0.0.1, localhost, not for 127.0.0.2");
    }

    @Test
    void openBindAndKickRefusalAreOneLineEachAndTheHostServesOn() throws Exception {
        String output = open.awaitOutput("(Jolokia at \\S+ listens beyond this host without authentication.*)", TIMEOUT);
        assertThat(output).contains("set jolokia.user with jolokia.password.file");
        assertThat(count(open.output(), "listens beyond this host without authentication")).isEqualTo(1);
        assertThat(count(open.output(), "option 'kick.enabled=true' is refused: Jolokia listens on 0.0.0.0")).isEqualTo(1);
        // A authenticates, so it keeps kick and says nothing about it
        assertThat(mtls.output()).doesNotContain("kick.enabled=true' is refused").doesNotContain("beyond this host");
        try (PomeloClient client = PomeloClient.connectTcp("127.0.0.1", open.pomeloPort())) {
            assertThat(client.login("open-user")).isEqualTo(200);
        }
    }

    @Test
    void theSecureWayKeepsSecretsOffTheCommandLineAndTheLog() throws Exception {
        String cmdline = new String(Files.readAllBytes(Path.of("/proc/" + mtls.pid() + "/cmdline")), StandardCharsets.UTF_8)
                .replace('\0', ' ');
        assertThat(cmdline).contains("jolokia.password.file=" + passwordFile).doesNotContain(PASSWORD);
        Process ps = new ProcessBuilder("ps", "-ww", "-o", "args=", "-p", Long.toString(mtls.pid())).start();
        String psLine = new String(ps.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(ps.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(psLine).contains("-javaagent:").doesNotContain(PASSWORD);
        String openCmdline = new String(Files.readAllBytes(Path.of("/proc/" + open.pid() + "/cmdline")),
                StandardCharsets.UTF_8);
        assertThat(openCmdline).doesNotContain(pki.keystorePassword());
        assertThat(mtls.output()).doesNotContain(PASSWORD).doesNotContain("is on the JVM's command line");
        assertThat(open.output()).doesNotContain(pki.keystorePassword());

        HttpClient http = HttpClient.newBuilder()
                .sslContext(ClientTls.of(pki.caPem(), pki.clientPem(), pki.clientKeyPem()).context()).build();
        HttpResponse<String> options = http.send(HttpRequest.newBuilder(URI.create(mtls.jolokiaUrl()
                        + "/read/onlineuser:type=Agent,serverId=tls-mtls/Options"))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(("ops:" + PASSWORD)
                        .getBytes(StandardCharsets.UTF_8))).timeout(TIMEOUT).build(), HttpResponse.BodyHandlers.ofString());
        JsonNode value = new ObjectMapper().readTree(options.body()).path("value");
        assertThat(value.path("jolokia.password").asText()).as(options.body()).isEqualTo("****");
        assertThat(value.path("jolokia.password.file").asText()).isEqualTo(passwordFile.toString());
        assertThat(options.body()).doesNotContain(PASSWORD);
    }

    @Test
    void theCollectorCommandLineTakesTheTlsFlagsAndAPasswordFile() throws Exception {
        Process process = new ProcessBuilder(Jars.javaExecutable(), "-Xmx128m", "-XX:TieredStopAtLevel=1", "-jar",
                Jars.collectorJar().toString(), "--target", mtls.jolokiaUrl(), "--user", "ops",
                "--password-file", passwordFile.toString(), "--cacert", pki.caPem().toString(),
                "--cert", pki.clientPem().toString(), "--key", pki.clientKeyPem().toString(), "--timeout", "15000",
                "--json", "online").redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        JsonNode answer = new ObjectMapper().readTree(out);
        assertThat(answer.path("errors").size()).as(out).isZero();
        assertThat(answer.path("servers").path("tls-mtls").path("loginedCount").asInt()).isEqualTo(1);
        assertThat(process.exitValue()).isZero();
    }

    private ClusterSnapshot online(String url, String user, String password, ClientTls tls) {
        try (OnlineUserCluster cluster = OnlineUserCluster.builder().target(url).credentials(user, password).tls(tls)
                .timeout(TIMEOUT).build()) {
            return cluster.online();
        }
    }

    private String error(String url, String user, String password, ClientTls tls) {
        Map<String, String> errors = online(url, user, password, tls).errors();
        assertThat(errors).as("errors for %s", url).hasSize(1);
        return List.copyOf(errors.values()).get(0);
    }

    private Path ownerOnly(String name, String content) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, content);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        return file;
    }

    private static int count(String text, String literal) {
        Matcher matcher = Pattern.compile(Pattern.quote(literal)).matcher(text);
        int count = 0;
        while (matcher.find()) {
            count++;
        }
        return count;
    }
}
