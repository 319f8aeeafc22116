package io.onlineuser.it.jolokia;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The same requests to the stock Jolokia 2.4.2 JVM agent and to ours, under the same policy and
 * MBeans: HTTP status, content type, CORS and cache headers and the JSON answer (timestamps by
 * presence, the agent's own configuration left out) must be equal; the only differences are our
 * documented size limits, where our answer must still be a Jolokia error a client can read.
 */
class JolokiaConformanceIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String STATS = "onlineuser:type=ConnectionStats,serverId=" + StockAndOurs.SERVER_ID;
    private static final String SESSION = "onlineuser:type=Session,serverId=" + StockAndOurs.SERVER_ID;
    private static final List<String> COMPARED_HEADERS = List.of("content-type", "cache-control",
            "access-control-allow-origin", "access-control-allow-credentials", "access-control-allow-methods",
            "access-control-allow-headers", "access-control-max-age", "www-authenticate");
    private static final Pattern JSONP = Pattern.compile("(?s)^([A-Za-z_$][\\w$]*)\\((.*)\\)\\s*;?\\s*$");

    @TempDir
    static Path workDir;
    private static StockAndOurs agents;
    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();

    @BeforeAll
    static void start() throws Exception {
        agents = StockAndOurs.start(workDir);
    }

    @AfterAll
    static void stop() {
        if (agents != null) {
            agents.close();
        }
    }

    /** One request, sent as-is to either agent. */
    private static final class Probe {
        final String name;
        final String method;
        final String pathAndQuery;
        final String body;
        final Map<String, String> headers = new LinkedHashMap<>();

        Probe(String name, String method, String pathAndQuery, String body) {
            this.name = name;
            this.method = method;
            this.pathAndQuery = pathAndQuery;
            this.body = body;
        }

        Probe header(String key, String value) {
            headers.put(key, value);
            return this;
        }
    }

    private static Probe get(String name, String pathAndQuery) {
        return new Probe(name, "GET", pathAndQuery, null);
    }

    private static Probe post(String name, String body) {
        return new Probe(name, "POST", "", body).header("Content-Type", "application/json");
    }

    private static List<Probe> sameAnswerProbes() {
        List<Probe> probes = new ArrayList<>();
        probes.add(get("version", "/version"));
        probes.add(get("version, no trailing path", ""));
        probes.add(get("read one attribute", "/read/" + STATS + "/TotalConnCount"));
        probes.add(get("read a long attribute as string", "/read/" + STATS + "/AcceptedConnTotal?serializeLong=string"));
        probes.add(get("read every attribute allowed", "/read/" + STATS));
        probes.add(get("read by pattern", "/read/onlineuser:type=ConnectionStats,*/LoginedCount"));
        probes.add(get("read a forbidden MBean", "/read/java.lang:type=Memory/HeapMemoryUsage"));
        probes.add(get("read an MBean that does not exist", "/read/onlineuser:type=Nope/X"));
        probes.add(get("read a forbidden attribute", "/read/" + STATS + "/NoSuchAttribute"));
        probes.add(get("read with ignoreErrors", "/read/" + STATS + "/TotalConnCount?ignoreErrors=true"));
        probes.add(get("write (refused)", "/write/" + STATS + "/TotalConnCount/5"));
        probes.add(get("exec isOnline", "/exec/" + SESSION + "/isOnline/bob"));
        probes.add(get("exec with an escaped slash", "/exec/" + SESSION + "/isOnline/a!/b"));
        probes.add(get("exec with an empty string", "/exec/" + SESSION + "/isOnline/%22%22"));
        probes.add(get("exec with a URL-escaped argument", "/exec/" + SESSION + "/isOnline/caf%C3%A9%20au%20lait"));
        probes.add(get("exec getByUid", "/exec/" + SESSION + "/getByUid/bob"));
        probes.add(get("exec statisticsInfo", "/exec/" + STATS + "/statisticsInfo/10"));
        probes.add(get("exec loginedList", "/exec/" + STATS + "/loginedList/0/10"));
        probes.add(get("exec with a bad argument", "/exec/" + STATS + "/loginedList/zero/10"));
        probes.add(get("exec with too few arguments", "/exec/" + STATS + "/loginedList/0"));
        probes.add(get("exec kick (refused)", "/exec/" + SESSION + "/kick/bob/why"));
        probes.add(get("exec resetPeaks (refused)", "/exec/" + STATS + "/resetPeaks"));
        probes.add(get("exec an argument over the uid limit", "/exec/" + SESSION + "/isOnline/" + "u".repeat(2000)));
        probes.add(get("GET with a 10 KB URL", "/exec/" + SESSION + "/isOnline/" + "a".repeat(10 * 1024)));
        probes.add(get("search", "/search/onlineuser:*"));
        probes.add(get("search one type", "/search/onlineuser:type=Session,*"));
        probes.add(get("search nothing", "/search/nothing:*"));
        probes.add(get("list a domain, depth 1", "/list/onlineuser?maxDepth=1"));
        probes.add(get("list a domain, depth 2", "/list/onlineuser?maxDepth=2"));
        probes.add(get("list an MBean", "/list/onlineuser/serverId=" + StockAndOurs.SERVER_ID + ",type=Session"));
        probes.add(get("list an MBean's operations", "/list/onlineuser/serverId=" + StockAndOurs.SERVER_ID
                + ",type=ConnectionStats/op"));
        probes.add(get("list a path that does not exist", "/list/nothing/here"));
        probes.add(get("an unknown request type", "/frobnicate/x"));
        probes.add(get("mimeType text/plain", "/version?mimeType=text/plain"));
        probes.add(get("mimeType not allowed", "/version?mimeType=image/png"));
        probes.add(get("JSONP", "/search/onlineuser:*?callback=onAnswer"));
        probes.add(get("JSONP with a bad callback name", "/version?callback=alert(1)"));
        probes.add(get("a path that is not Jolokia's", "/../elsewhere").header("X-Probe", "path"));
        probes.add(post("POST read", "{\"type\":\"read\",\"mbean\":\"" + STATS + "\",\"attribute\":\"TotalConnCount\"}"));
        probes.add(post("POST read of two attributes", "{\"type\":\"read\",\"mbean\":\"" + STATS
                + "\",\"attribute\":[\"TotalConnCount\",\"LoginedCount\"]}"));
        probes.add(post("POST exec", "{\"type\":\"exec\",\"mbean\":\"" + SESSION
                + "\",\"operation\":\"isOnline\",\"arguments\":[\"bob\"]}"));
        probes.add(post("POST list with a path and depth", "{\"type\":\"list\",\"path\":\"onlineuser\",\"config\":{\"maxDepth\":2}}"));
        probes.add(post("POST search", "{\"type\":\"search\",\"mbean\":\"onlineuser:type=ConnectionStats,*\"}"));
        probes.add(post("POST version", "{\"type\":\"version\"}"));
        probes.add(post("POST bulk of 6 with errors", "["
                + "{\"type\":\"read\",\"mbean\":\"" + STATS + "\",\"attribute\":\"TotalConnCount\"},"
                + "{\"type\":\"read\",\"mbean\":\"java.lang:type=Memory\",\"attribute\":\"HeapMemoryUsage\"},"
                + "{\"type\":\"exec\",\"mbean\":\"" + SESSION + "\",\"operation\":\"isOnline\",\"arguments\":[\"bob\"]},"
                + "{\"type\":\"exec\",\"mbean\":\"" + SESSION + "\",\"operation\":\"kick\",\"arguments\":[\"bob\",\"x\"]},"
                + "{\"type\":\"search\",\"mbean\":\"onlineuser:*\"},"
                + "{\"type\":\"read\",\"mbean\":\"onlineuser:type=Nope\",\"attribute\":\"X\"}]"));
        probes.add(post("POST empty bulk", "[]"));
        probes.add(post("POST bad JSON", "[{\"type\":"));
        probes.add(post("POST a JSON string", "\"version\""));
        probes.add(post("POST an unknown type", "{\"type\":\"nope\"}"));
        probes.add(post("POST without a type", "{\"mbean\":\"" + STATS + "\"}"));
        probes.add(post("POST with a mimeType", "{\"type\":\"version\",\"config\":{\"mimeType\":\"text/plain\"}}"));
        probes.add(new Probe("POST with a mimeType query", "POST", "?mimeType=text/plain", "{\"type\":\"version\"}"));
        probes.add(new Probe("POST JSONP", "POST", "?callback=cb", "{\"type\":\"version\"}"));
        probes.add(new Probe("CORS preflight from another origin", "OPTIONS", "", null)
                .header("Origin", "http://evil.example").header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "content-type"));
        probes.add(new Probe("CORS preflight from the allowed origin", "OPTIONS", "", null)
                .header("Origin", "http://onlineuser.invalid").header("Access-Control-Request-Method", "POST"));
        probes.add(get("GET from another origin", "/version").header("Origin", "http://evil.example"));
        probes.add(get("GET from the allowed origin", "/version").header("Origin", "http://onlineuser.invalid"));
        probes.add(post("POST from another origin", "{\"type\":\"version\"}").header("Origin", "http://evil.example"));
        probes.add(new Probe("DELETE", "DELETE", "/version", null));
        return probes;
    }

    @Test
    void everyAnswerEqualsTheStockAgentsButOurDocumentedLimits() throws Exception {
        List<Probe> probes = sameAnswerProbes();
        Map<String, String> differences = new TreeMap<>();
        for (Probe probe : probes) {
            Answer stock = send(agents.stockUrl, probe);
            Answer ours = send(agents.oursUrl, probe);
            if (!stock.equals(ours)) {
                differences.put(probe.name, "\n  stock: " + stock + "\n  ours:  " + ours);
            }
        }
        assertThat(probes).as("requests compared").hasSizeGreaterThanOrEqualTo(40);
        assertThat(differences).as("answers that differ from the stock agent's").isEmpty();
    }

    @Test
    void overOurSizeLimitsTheAnswerIsAJolokiaErrorAClientCanRead() throws Exception {
        Probe longUrl = get("GET with a 100 KB URL", "/exec/" + SESSION + "/isOnline/" + "a".repeat(100 * 1024));
        Probe bigBody = post("POST of 2 MB", "{\"type\":\"version\",\"pad\":\"" + "a".repeat(2 << 20) + "\"}");
        Probe bigHeader = get("100 KB of headers", "/version").header("X-Padding", "p".repeat(100 * 1024));

        assertThat(send(agents.stockUrl, longUrl).status).as("the stock agent serves a 100 KB URL").isEqualTo(200);
        assertLimitAnswer(send(agents.oursUrl, longUrl), 414, "Request line longer than 65536 bytes");
        assertThat(send(agents.stockUrl, bigBody).status).as("the stock agent serves a 2 MB body").isEqualTo(200);
        assertLimitAnswer(send(agents.oursUrl, bigBody), 413, "Request body longer than 1048576 bytes");
        assertLimitAnswer(send(agents.oursUrl, bigHeader), 431, "Request headers longer than 65536 bytes");
        assertThat(send(agents.oursUrl, get("version", "/version")).status).as("then it still answers").isEqualTo(200);
    }

    private static void assertLimitAnswer(Answer answer, int jolokiaStatus, String message) {
        assertThat(answer.status).as("HTTP status, as for every Jolokia error").isEqualTo(200);
        assertThat(answer.headers.get("content-type")).isEqualTo("application/json; charset=utf-8");
        assertThat(answer.body.path("status").asInt()).as(answer.toString()).isEqualTo(jolokiaStatus);
        assertThat(answer.body.path("error_type").asText()).isEqualTo("java.lang.IllegalArgumentException");
        assertThat(answer.body.path("error").asText()).contains(message);
    }

    @Test
    void anHttp10KeepAliveRequestKeepsItsConnectionAsTheStockAgentDoes() throws Exception {
        String request = "GET /jolokia/version HTTP/1.0\r\nConnection: keep-alive\r\n\r\n";
        for (String url : List.of(agents.stockUrl, agents.oursUrl)) {
            try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), URI.create(url).getPort())) {
                socket.setSoTimeout(5_000);
                socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
                String head = readHead(socket.getInputStream());
                assertThat(head).as(url).startsWith("HTTP/1.1 200").containsIgnoringCase("connection: keep-alive");
            }
        }
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), URI.create(agents.oursUrl).getPort())) {
            socket.setSoTimeout(5_000);
            for (int i = 0; i < 3; i++) {
                socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
                String head = readHead(socket.getInputStream());
                Matcher length = Pattern.compile("(?im)^content-length: *(\\d+)").matcher(head);
                assertThat(length.find()).as("a length, so the client need not wait for the close: " + head).isTrue();
                byte[] body = socket.getInputStream().readNBytes(Integer.parseInt(length.group(1)));
                assertThat(JSON.readTree(body).path("status").asInt()).as("answer %d on one connection", i).isEqualTo(200);
            }
        }
    }

    @Test
    void pipelinedRequestsAreAnsweredInOrderAsByTheStockAgent() throws Exception {
        String request = "GET /jolokia/exec/" + SESSION + "/isOnline/p%d HTTP/1.1\r\nHost: localhost\r\n%s\r\n";
        StringBuilder three = new StringBuilder();
        for (int i = 1; i <= 3; i++) {
            three.append(String.format(Locale.ROOT, request, i, i == 3 ? "Connection: close\r\n" : ""));
        }
        Map<String, List<String>> seen = new LinkedHashMap<>();
        for (String url : List.of(agents.stockUrl, agents.oursUrl)) {
            try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), URI.create(url).getPort())) {
                socket.setSoTimeout(10_000);
                OutputStream out = socket.getOutputStream();
                out.write(three.toString().getBytes(StandardCharsets.US_ASCII));
                out.flush();
                String all = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                List<String> args = new ArrayList<>();
                Matcher arg = Pattern.compile("\"arguments\":\\[\"(p\\d)\"\\]").matcher(all);
                while (arg.find()) {
                    args.add(arg.group(1));
                }
                seen.put(url, args);
            }
        }
        assertThat(seen.values()).allSatisfy(args -> assertThat(args).containsExactly("p1", "p2", "p3"));
    }

    private static String readHead(InputStream in) throws IOException {
        StringBuilder head = new StringBuilder();
        while (!head.toString().endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("connection closed after " + head);
            }
            head.append((char) b);
        }
        return head.toString();
    }

    /** What a client sees of an answer, with what legitimately differs between two agents taken out. */
    private static final class Answer {
        final int status;
        final Map<String, String> headers = new TreeMap<>();
        final String jsonpCallback;
        final JsonNode body;

        Answer(HttpResponse<String> response) {
            this.status = response.statusCode();
            for (String name : COMPARED_HEADERS) {
                response.headers().firstValue(name).ifPresent(v -> headers.put(name, v.toLowerCase(Locale.ROOT)));
            }
            String text = response.body();
            Matcher jsonp = JSONP.matcher(text);
            String json = text;
            String callback = null;
            if (headers.getOrDefault("content-type", "").startsWith("text/javascript") && jsonp.matches()) {
                callback = jsonp.group(1);
                json = jsonp.group(2);
            }
            this.jsonpCallback = callback;
            this.body = normalized(parse(json));
        }

        private static JsonNode parse(String text) {
            try {
                return JSON.readTree(text);
            } catch (IOException e) {
                return TextNode.valueOf(text);
            }
        }

        @Override
        public boolean equals(Object other) {
            if (!(other instanceof Answer)) {
                return false;
            }
            Answer that = (Answer) other;
            return status == that.status && headers.equals(that.headers)
                    && java.util.Objects.equals(jsonpCallback, that.jsonpCallback) && body.equals(that.body);
        }

        @Override
        public int hashCode() {
            return status;
        }

        @Override
        public String toString() {
            String text = body.toString();
            return status + " " + headers + (jsonpCallback == null ? "" : " jsonp " + jsonpCallback) + " "
                    + (text.length() > 600 ? text.substring(0, 600) + "…" : text);
        }
    }

    /**
     * Takes out what is not the protocol's: a timestamp's value (its presence stays), the agents'
     * own configuration and URL in a version answer, and the stock agent's extra services (the
     * JSR-160 proxy and the {@code jolokia} domain of its history service, which we leave out).
     */
    private static JsonNode normalized(JsonNode node) {
        if (node.isArray()) {
            ArrayNode array = JSON.createArrayNode();
            node.forEach(element -> array.add(normalized(element)));
            return array;
        }
        if (!node.isObject()) {
            return node;
        }
        ObjectNode object = ((ObjectNode) node).deepCopy();
        if (object.has("timestamp")) {
            object.put("timestamp", "present");
        }
        JsonNode request = object.path("request");
        JsonNode value = object.path("value");
        if ("version".equals(request.path("type").asText()) && value.isObject()) {
            ObjectNode version = (ObjectNode) value;
            version.remove(List.of("config", "info"));
            if (version.path("details").isObject()) {
                ((ObjectNode) version.get("details")).remove(List.of("url", "agent_description"));
            }
        }
        if (value.isObject() && value.has("StartTime")) {
            ((ObjectNode) value).put("StartTime", "start time");
        }
        if (value.isObject()) {
            ((ObjectNode) value).remove("jolokia");
        }
        UnaryOperator<String> noAgentUrls = text -> text.replaceAll("http://127\\.0\\.0\\.1:\\d+/jolokia", "URL");
        if (object.has("error")) {
            object.put("error", noAgentUrls.apply(object.get("error").asText()));
        }
        Iterator<Map.Entry<String, JsonNode>> fields = object.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            if (field.getValue().isContainerNode() && !"request".equals(field.getKey())) {
                field.setValue(normalized(field.getValue()));
            }
        }
        return object;
    }

    private static Answer send(String base, Probe probe) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + probe.pathAndQuery))
                .timeout(Duration.ofSeconds(20))
                .method(probe.method, probe.body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(probe.body));
        probe.headers.forEach(request::header);
        return new Answer(CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString()));
    }
}
