package io.onlineuser.collector.web;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.onlineuser.testkit.RequiredTool;

/**
 * Headless Chromium driven the way a user drives it — clicks, typing, confirmation dialogs — over
 * the Chrome DevTools Protocol (the JDK's WebSocket client, Jackson for the JSON). Confirmation
 * dialogs are accepted, and counted, as a user who clicks OK.
 */
final class DevToolsBrowser implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration PATIENCE = Duration.ofSeconds(60);

    private final Process process;
    private final Path profile;
    private final WebSocket socket;
    private final AtomicInteger ids = new AtomicInteger();
    private final Map<Integer, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();
    private final AtomicInteger dialogs = new AtomicInteger();

    private DevToolsBrowser(Process process, Path profile, WebSocket socket) {
        this.process = process;
        this.profile = profile;
        this.socket = socket;
    }

    static DevToolsBrowser start() throws Exception {
        Path chromium = RequiredTool.onPath("chromium");
        Path profile = Files.createTempDirectory("collector-devtools");
        Process process = new ProcessBuilder(chromium.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--disable-dev-shm-usage", "--user-data-dir=" + profile, "--remote-debugging-port=0",
                "--window-size=1280,1000", "about:blank")
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        Path portFile = profile.resolve("DevToolsActivePort");
        await().atMost(PATIENCE).until(() -> Files.exists(portFile) && Files.readAllLines(portFile).size() >= 1);
        int port = Integer.parseInt(Files.readAllLines(portFile).get(0).trim());
        HttpClient http = HttpClient.newHttpClient();
        String[] page = {null};
        await().atMost(PATIENCE).until(() -> {
            JsonNode targets = JSON.readTree(http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/json/list")).build(),
                    HttpResponse.BodyHandlers.ofString()).body());
            for (JsonNode target : targets) {
                if ("page".equals(target.path("type").asText())) {
                    page[0] = target.path("webSocketDebuggerUrl").asText();
                    return true;
                }
            }
            return false;
        });
        Listener listener = new Listener();
        WebSocket socket = http.newWebSocketBuilder().buildAsync(URI.create(page[0]), listener).get(60, TimeUnit.SECONDS);
        DevToolsBrowser browser = new DevToolsBrowser(process, profile, socket);
        listener.browser = browser;
        browser.call("Page.enable", Map.of());
        return browser;
    }

    void open(String url) throws Exception {
        call("Page.navigate", Map.of("url", url));
        await().atMost(PATIENCE).until(() -> "complete".equals(eval("document.readyState").asText()));
    }

    /** The value of a JavaScript expression in the page (promises awaited). */
    JsonNode eval(String expression) throws Exception {
        JsonNode result = call("Runtime.evaluate", Map.of("expression", expression, "returnByValue", true, "awaitPromise", true));
        if (result.has("exceptionDetails")) {
            throw new IllegalStateException("page threw on " + expression + ": " + result.path("exceptionDetails"));
        }
        return result.path("result").path("value");
    }

    String text(String selector) throws Exception {
        return eval("(document.querySelector(" + JSON.writeValueAsString(selector) + ") || {innerText: ''}).innerText").asText();
    }

    void click(String selector) throws Exception {
        eval("document.querySelector(" + JSON.writeValueAsString(selector) + ").click()");
    }

    void type(String selector, String text) throws Exception {
        eval("document.querySelector(" + JSON.writeValueAsString(selector) + ").value = " + JSON.writeValueAsString(text));
    }

    /** Waits until {@code selector}'s visible text contains {@code expected}. */
    void awaitText(String selector, String expected) {
        await().atMost(PATIENCE).until(() -> text(selector).contains(expected));
    }

    int dialogsAccepted() {
        return dialogs.get();
    }

    byte[] screenshot() throws Exception {
        JsonNode shot = call("Page.captureScreenshot", Map.of("format", "png", "captureBeyondViewport", true));
        return java.util.Base64.getDecoder().decode(shot.path("data").asText());
    }

    private JsonNode call(String method, Map<String, Object> params) throws Exception {
        int id = ids.incrementAndGet();
        CompletableFuture<JsonNode> answer = new CompletableFuture<>();
        pending.put(id, answer);
        socket.sendText(JSON.writeValueAsString(Map.of("id", id, "method", method, "params", params)), true).get(60, TimeUnit.SECONDS);
        JsonNode message = answer.get(60, TimeUnit.SECONDS);
        if (message.has("error")) {
            throw new IllegalStateException(method + ": " + message.path("error"));
        }
        return message.path("result");
    }

    private void received(JsonNode message) {
        if (message.has("id")) {
            CompletableFuture<JsonNode> answer = pending.remove(message.path("id").asInt());
            if (answer != null) {
                answer.complete(message);
            }
        } else if ("Page.javascriptDialogOpening".equals(message.path("method").asText())) {
            dialogs.incrementAndGet();
            int id = ids.incrementAndGet();
            try {
                socket.sendText(JSON.writeValueAsString(Map.of("id", id, "method", "Page.handleJavaScriptDialog",
                        "params", Map.of("accept", true))), true);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    @Override
    public void close() throws Exception {
        try {
            socket.abort();
        } finally {
            process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            try (var paths = Files.walk(profile)) {
                paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }

    /** Collects text frames into whole messages; DevTools messages can span frames. */
    private static final class Listener implements WebSocket.Listener {
        private final StringBuilder partial = new StringBuilder();
        private volatile DevToolsBrowser browser;

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                String whole = partial.toString();
                partial.setLength(0);
                try {
                    browser.received(JSON.readTree(whole.getBytes(StandardCharsets.UTF_8)));
                } catch (IOException e) {
                    throw new IllegalStateException("not JSON from DevTools: " + whole, e);
                }
            }
            webSocket.request(1);
            return null;
        }
    }
}
