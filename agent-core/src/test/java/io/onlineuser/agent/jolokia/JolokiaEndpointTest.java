package io.onlineuser.agent.jolokia;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.onlineuser.agent.config.AgentOptions;
import io.onlineuser.agent.jmx.MBeanPublisher;
import io.onlineuser.agent.track.OnlineTracker;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The embedded endpoint over real HTTP, as curl or the collector would use it. */
class JolokiaEndpointTest {

    private static final AtomicInteger IDS = new AtomicInteger();
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(30)).build();
    private final OnlineTracker tracker = new OnlineTracker(System::currentTimeMillis);
    private final String serverId = "jolokia-test-" + IDS.incrementAndGet();
    private AutoCloseable mbeans;
    private JolokiaEndpoint endpoint;
    private String url;
    private String authorization;

    private void start(String extraOptions) throws Exception {
        AgentOptions options = AgentOptions.parse("serverId=" + serverId + ",jolokia.port=0" + extraOptions, null);
        mbeans = MBeanPublisher.publish(tracker, options);
        CompletableFuture<String> announced = new CompletableFuture<>();
        endpoint = JolokiaEndpoint.start(options, announced::complete);
        url = endpoint.listening().get(30, TimeUnit.SECONDS);
        assertThat(announced.get(30, TimeUnit.SECONDS)).isEqualTo(url);
    }

    @AfterEach
    void stop() throws Exception {
        if (endpoint != null) {
            endpoint.stop();
        }
        if (mbeans != null) {
            mbeans.close();
        }
    }

    private String stats() {
        return "onlineuser:type=ConnectionStats,serverId=" + serverId;
    }

    private String session() {
        return "onlineuser:type=Session,serverId=" + serverId;
    }

    private JsonNode post(String body) throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(url))
                .POST(HttpRequest.BodyPublishers.ofString(body)));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private JsonNode exec(String mbean, String operation, Object... arguments) throws Exception {
        return post(JSON.writeValueAsString(java.util.Map.of("type", "exec", "mbean", mbean,
                "operation", operation, "arguments", arguments)));
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return http.send(request.timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    @Test
    void readsAndReadOnlyOperationsWork() throws Exception {
        start("");
        Object channel = new Object();
        tracker.connectionActive(channel, "10.0.0.5:6000");
        tracker.sessionBound(new Object(), "u1", channel, null);

        assertThat(url).matches("http://127\\.0\\.0\\.1:\\d+/jolokia");
        HttpResponse<String> get = send(HttpRequest.newBuilder(URI.create(url + "/read/" + stats() + "/TotalConnCount")));
        assertThat(JSON.readTree(get.body()).path("value").asInt()).isEqualTo(1);
        assertThat(exec(session(), "isOnline", "u1").path("value").asBoolean()).isTrue();
        assertThat(exec(session(), "isOnline", "u2").path("value").asBoolean()).isFalse();
        JsonNode rows = exec(session(), "getByUid", "u1").path("value");
        assertThat(rows.get(0).path("address").asText()).isEqualTo("10.0.0.5:6000");
        assertThat(rows.get(0).path("frontendId").asText()).isEqualTo(serverId);
        JsonNode info = exec(stats(), "statisticsInfo", 10).path("value");
        assertThat(info.path("serverId").asText()).isEqualTo(serverId);
        assertThat(info.path("loginedList").get(0).path("uid").asText()).isEqualTo("u1");
        JsonNode all = post("{\"type\":\"read\",\"mbean\":\"" + stats() + "\"}").path("value");
        assertThat(all.path("LoginedCount").asInt()).isEqualTo(1);
        assertThat(all.path("ServerId").asText()).isEqualTo(serverId);
        JsonNode bulk = post("[{\"type\":\"search\",\"mbean\":\"onlineuser:type=ConnectionStats,*\"},"
                + "{\"type\":\"read\",\"mbean\":\"onlineuser:type=ConnectionStats,*\",\"attribute\":\"TotalConnCount\"}]");
        String canonical = "onlineuser:serverId=" + serverId + ",type=ConnectionStats";
        assertThat(bulk.get(0).path("value").get(0).asText()).isEqualTo(canonical);
        assertThat(bulk.get(1).path("value").path(canonical).path("TotalConnCount").asInt()).isEqualTo(1);
        JsonNode refused = exec(stats(), "loginedList", 0, 20_000);
        assertThat(refused.path("status").asInt()).isEqualTo(400);
        assertThat(refused.path("error").asText()).contains("limit must be between 0 and 10000, was 20000");
        JsonNode version = post("{\"type\":\"version\"}").path("value");
        assertThat(version.path("details").path("agent_id").asText()).isEqualTo(serverId);
    }

    @Test
    void kickIsForbiddenByThePolicyWhenDisabled() throws Exception {
        start("");
        tracker.setKicker((s, c, r) -> true);
        tracker.sessionBound(new Object(), "u1", null, null);

        JsonNode answer = exec(session(), "kick", "u1", "bye");

        assertThat(answer.path("status").asInt()).isEqualTo(403);
        assertThat(exec(session(), "kickBySessionId", 1, "bye").path("status").asInt()).isEqualTo(403);
        assertThat(tracker.kickTotal()).isZero();
        assertThat(tracker.isOnline("u1")).isTrue();
    }

    @Test
    void kickIsAllowedWhenEnabled() throws Exception {
        start(",kick.enabled=true");
        tracker.setKicker((s, c, r) -> "bye".equals(r));
        tracker.sessionBound(new Object(), "u1", null, null);

        JsonNode answer = exec(session(), "kick", "u1", "bye");

        assertThat(answer.path("status").asInt()).as(answer.toString()).isEqualTo(200);
        assertThat(answer.path("value").asInt()).isEqualTo(1);
        assertThat(tracker.kickTotal()).isEqualTo(1);
    }

    @Test
    void everythingOutsideOnlineuserIsRefused() throws Exception {
        start("");

        assertThat(post("{\"type\":\"write\",\"mbean\":\"java.lang:type=Memory\",\"attribute\":\"Verbose\",\"value\":true}")
                .path("status").asInt()).isEqualTo(403);
        assertThat(exec("java.lang:type=Memory", "gc").path("status").asInt()).isEqualTo(403);
        assertThat(post("{\"type\":\"read\",\"mbean\":\"java.lang:type=Runtime\",\"attribute\":\"InputArguments\"}")
                .path("status").asInt()).isEqualTo(403);
        assertThat(exec(stats(), "resetPeaks").path("status").asInt()).isEqualTo(403);
        JsonNode proxied = post("{\"type\":\"read\",\"mbean\":\"" + stats() + "\",\"attribute\":\"ServerId\","
                + "\"target\":{\"url\":\"service:jmx:rmi:///jndi/rmi://127.0.0.1:1/jmxrmi\"}}");
        // without the JSR-160 service the target is ignored: answered from this JVM, never proxied
        assertThat(proxied.path("value").asText()).as(proxied.toString()).isEqualTo(serverId);
        assertThatThrownBy(() -> Class.forName("org.jolokia.service.jsr160.Jsr160RequestHandler"))
                .isInstanceOf(ClassNotFoundException.class);
        HttpResponse<String> crossOrigin = send(HttpRequest.newBuilder(URI.create(url + "/read/" + stats()))
                .header("Origin", "http://evil.example"));
        assertThat(crossOrigin.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
    }

    @Test
    void beforeTheFirstClientItAsksItselfPastTheAuthenticatorAndWithinItsBounds() throws Exception {
        start(",jolokia.user=ops,jolokia.password=s3cret");

        // every request of its rounds was answered 200: none was turned away by the authenticator
        int answered = endpoint.warmedUp().get(60, TimeUnit.SECONDS);
        assertThat(answered).isPositive().isLessThanOrEqualTo(WarmUp.MAX_REQUESTS);
        HttpResponse<String> anonymous = send(HttpRequest.newBuilder(URI.create(url + "/read/" + stats())));
        assertThat(anonymous.statusCode()).isEqualTo(401);
    }

    @Test
    void withWarmUpOffItAsksItselfNothing() throws Exception {
        start(",jolokia.warmUpMillis=0");

        assertThat(endpoint.warmedUp().get(30, TimeUnit.SECONDS)).isZero();
    }

    @Test
    void credentialsAreRequiredWhenUserAndPasswordAreSet() throws Exception {
        start(",jolokia.user=ops,jolokia.password=s3cret");

        HttpResponse<String> anonymous = send(HttpRequest.newBuilder(URI.create(url + "/read/" + stats())));
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(anonymous.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(
                value -> assertThat(value).startsWith("Basic"));

        authorization = "Basic " + Base64.getEncoder().encodeToString("ops:wrong".getBytes(StandardCharsets.UTF_8));
        assertThat(send(HttpRequest.newBuilder(URI.create(url + "/read/" + stats()))).statusCode()).isEqualTo(401);

        authorization = "Basic " + Base64.getEncoder().encodeToString("ops:s3cret".getBytes(StandardCharsets.UTF_8));
        assertThat(exec(session(), "isOnline", "u1").path("status").asInt()).isEqualTo(200);
    }

    @Test
    void anOperatorPolicyReplacesTheBundledOne(@TempDir Path dir) throws Exception {
        String bundled;
        try (InputStream in = JolokiaEndpoint.class.getResourceAsStream("/onlineuser/jolokia-access.xml")) {
            bundled = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Path policy = dir.resolve("my-policy.xml");
        Files.writeString(policy, bundled.replace("  </allow>", "    <mbean>\n      <name>java.lang:type=Memory</name>\n"
                + "      <attribute mode=\"read\">HeapMemoryUsage</attribute>\n    </mbean>\n  </allow>"));

        start(",jolokia.policy=" + policy);

        JsonNode heap = post("{\"type\":\"read\",\"mbean\":\"java.lang:type=Memory\",\"attribute\":\"HeapMemoryUsage\"}");
        assertThat(heap.path("status").asInt()).as(heap.toString()).isEqualTo(200);
        assertThat(heap.path("value").path("used").asLong()).isPositive();
        assertThat(post("{\"type\":\"read\",\"mbean\":\"java.lang:type=Runtime\",\"attribute\":\"InputArguments\"}")
                .path("status").asInt()).isEqualTo(403);
        assertThat(exec(session(), "isOnline", "u1").path("status").asInt()).isEqualTo(200);
    }

    @Test
    void aPolicyThatDoesNotParseKeepsJolokiaOffAndSaysWhy(@TempDir Path dir) throws Exception {
        Path policy = dir.resolve("broken-policy.xml");
        Files.writeString(policy, "<restrict><allow><mbean>");
        AgentOptions options = AgentOptions.parse("serverId=" + serverId + ",jolokia.port=0,jolokia.policy=" + policy, null);

        endpoint = JolokiaEndpoint.start(options, url -> { });

        assertThatThrownBy(() -> endpoint.listening().get(30, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class)
                .hasMessageContaining("policy file " + policy + " (option 'jolokia.policy') does not parse (");
        assertThat(endpoint.url()).isNull();
    }

    @Test
    void beyondTheCapAConnectionIsClosedAtOnceAndHalfRequestsAfterTheDeadline() throws Exception {
        start(",jolokia.readTimeoutMillis=3000,jolokia.maxConnections=3");
        URI endpoint = URI.create(url);
        List<Socket> halves = new ArrayList<>();
        try {
            for (int i = 0; i < 3; i++) {
                halves.add(halfRequest(endpoint));
            }
            // wait until the three hold every worker: a fourth request is then refused, not answered
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThatThrownBy(() ->
                    send(HttpRequest.newBuilder(URI.create(url + "/version")))).isInstanceOf(java.io.IOException.class));
            Socket beyondTheCap = halfRequest(endpoint);
            halves.add(beyondTheCap);
            List<CompletableFuture<Long>> closed = new ArrayList<>();
            for (Socket half : halves) {
                closed.add(CompletableFuture.supplyAsync(() -> nanosWhenClosed(half)));
            }
            long refusedAt = closed.get(3).get(60, TimeUnit.SECONDS);
            for (int i = 0; i < 3; i++) {
                assertThat(closed.get(i).get(60, TimeUnit.SECONDS)).as("half request %d dropped after the refused one", i)
                        .isGreaterThan(refusedAt);
            }
            assertThat(exec(session(), "isOnline", "u1").path("status").asInt()).isEqualTo(200);
        } finally {
            for (Socket half : halves) {
                half.close();
            }
        }
    }

    private static Socket halfRequest(URI endpoint) throws Exception {
        Socket socket = new Socket(endpoint.getHost(), endpoint.getPort());
        socket.getOutputStream().write("GET /jolokia/version HTTP/1.1\r\nHost: x\r\nX-Hal".getBytes(StandardCharsets.US_ASCII));
        socket.getOutputStream().flush();
        return socket;
    }

    /** When the server closed the socket (end of stream or reset); fails if it stays open a minute. */
    private static long nanosWhenClosed(Socket socket) {
        try {
            socket.setSoTimeout(60_000);
            while (socket.getInputStream().read() != -1) {
                // an error page may come before the close
            }
        } catch (java.net.SocketTimeoutException stillOpen) {
            throw new AssertionError("the agent kept a half request open for a minute", stillOpen);
        } catch (java.io.IOException reset) {
            // a reset is a close too
        }
        return System.nanoTime();
    }

    @Test
    void aPortInUseLeavesTheAgentRunningWithoutJolokia() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"))) {
            AgentOptions options = AgentOptions.parse("serverId=" + serverId + ",jolokia.port=" + taken.getLocalPort(), null);
            CompletableFuture<String> announced = new CompletableFuture<>();

            endpoint = JolokiaEndpoint.start(options, announced::complete);

            assertThatThrownBy(() -> endpoint.listening().get(30, TimeUnit.SECONDS))
                    .isInstanceOf(ExecutionException.class).hasMessageContaining("Address already in use");
            assertThat(announced).isNotDone();
            assertThat(endpoint.url()).isNull();
            endpoint.stop();
        }
    }

    @Test
    void disabledJolokiaNeverListens() {
        endpoint = JolokiaEndpoint.start(AgentOptions.parse("jolokia.enabled=false", null), u -> { });

        assertThatThrownBy(() -> endpoint.listening().get(30, TimeUnit.SECONDS))
                .hasMessageContaining("Jolokia is off");
    }

    @Test
    void jolokiasThreadsNeverKeepTheHostAlive() throws Exception {
        start("");
        send(HttpRequest.newBuilder(URI.create(url + "/version")));

        assertThat(Thread.getAllStackTraces().keySet())
                .filteredOn(thread -> thread.getName().toLowerCase().contains("jolokia")
                        || thread.getName().startsWith("HTTP-Dispatcher"))
                .isNotEmpty()
                .allSatisfy(thread -> assertThat(thread.isDaemon()).as(thread.getName()).isTrue());
    }
}
