package io.onlineuser.sample.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.onlineuser.sample.protocol.Json;
import io.onlineuser.sample.protocol.MessageCodec;
import io.onlineuser.sample.protocol.MessageType;
import io.onlineuser.sample.protocol.PackageCodec;
import io.onlineuser.sample.protocol.PomeloMessage;
import io.onlineuser.sample.protocol.PomeloPackage;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A small blocking Pomelo client for tests and scripts, over raw TCP or WebSocket. Connecting
 * does the handshake and ack; heartbeats are answered the way pomelo-client does (one interval
 * after each server heartbeat) until {@link #stopHeartbeats()}. Not for load: see the bots.
 */
public final class PomeloClient implements AutoCloseable, PackageListener {
    public static final String LOGIN = "connector.entryHandler.login";
    public static final String LOGOUT = "connector.entryHandler.logout";
    public static final String CHAT = "chat.chatHandler.send";
    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final ScheduledExecutorService HEARTBEATS = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "pomelo-client-heartbeats");
        thread.setDaemon(true);
        return thread;
    });

    /** Built before any socket opens: a server with a short heartbeat drops a client slow to say hello. */
    private static final PomeloPackage HANDSHAKE = PomeloPackage.handshake(Json.bytes(handshakeRequest()));

    private final AtomicLong nextRequestId = new AtomicLong();
    private final Map<Long, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();
    private final BlockingQueue<PomeloMessage> pushes = new LinkedBlockingQueue<>();
    private final CompletableFuture<JsonNode> handshakeReply = new CompletableFuture<>();
    private final CompletableFuture<String> kickReason = new CompletableFuture<>();
    private final CompletableFuture<Void> closed = new CompletableFuture<>();
    private volatile Transport transport;
    private volatile boolean heartbeats = true;
    private volatile int heartbeatSeconds;
    private volatile String lastError;

    private PomeloClient() {
    }

    /** Connects over raw TCP, then handshakes and acks. */
    public static PomeloClient connectTcp(String host, int port) throws IOException {
        PomeloClient client = new PomeloClient();
        client.transport = new TcpTransport(host, port, client);
        return client.handshake();
    }

    /** Connects over WebSocket (path "/"), then handshakes and acks. */
    public static PomeloClient connectWebSocket(String host, int port) throws IOException {
        PomeloClient client = new PomeloClient();
        client.transport = new WebSocketTransport(host, port, client);
        return client.handshake();
    }

    private PomeloClient handshake() throws IOException {
        send(HANDSHAKE);
        JsonNode reply = await(handshakeReply, "handshake reply");
        if (reply.path("code").asInt() != 200) {
            transport.close();
            throw new IOException("handshake refused: " + reply);
        }
        heartbeatSeconds = reply.path("sys").path("heartbeat").asInt(0);
        send(PomeloPackage.handshakeAck());
        return this;
    }

    private static ObjectNode handshakeRequest() {
        ObjectNode request = Json.object();
        request.putObject("sys").put("type", "java-test-client").put("version", "0.1.0");
        request.putObject("user");
        return request;
    }

    /** The server's handshake answer, e.g. {"code":200,"sys":{"heartbeat":10,…}}. */
    public JsonNode handshakeReply() {
        return handshakeReply.join();
    }

    /** Sends a request and waits for its response body. */
    public JsonNode request(String route, Object body) throws IOException {
        long id = nextRequestId.incrementAndGet();
        CompletableFuture<JsonNode> response = new CompletableFuture<>();
        pending.put(id, response);
        send(PomeloPackage.data(PomeloMessage.request(id, route, Json.bytes(body))));
        return await(response, "response to " + route);
    }

    /** Sends a notify: no response comes back. */
    public void notify(String route, Object body) throws IOException {
        send(PomeloPackage.data(PomeloMessage.notify(route, Json.bytes(body))));
    }

    /** Returns the response code: 200 logged in, 500 refused (see {@link #lastError()}). */
    public int login(String uid) throws IOException {
        return code(request(LOGIN, Map.of("uid", uid)));
    }

    public int logout() throws IOException {
        return code(request(LOGOUT, Map.of()));
    }

    /** Chat to everyone logged in; the response echoes the chat. */
    public JsonNode chat(String content) throws IOException {
        return chat(content, "*");
    }

    public JsonNode chat(String content, String targetUid) throws IOException {
        return request(CHAT, Map.of("content", content, "target", targetUid));
    }

    /** The "error" of the last response that had one, e.g. "DUPLICATE_LOGIN". */
    public String lastError() {
        return lastError;
    }

    /** Next push of this route (pushes of other routes are dropped while waiting). */
    public Optional<JsonNode> awaitPush(String route, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        long left;
        while ((left = deadline - System.nanoTime()) > 0) {
            PomeloMessage push = pushes.poll(left, TimeUnit.NANOSECONDS);
            if (push != null && route.equals(push.route())) {
                return Optional.of(Json.parse(push.body()));
            }
        }
        return Optional.empty();
    }

    /** The reason of the kick package (type 5), if one arrives in time. */
    public Optional<String> awaitKick(Duration timeout) {
        try {
            return Optional.of(kickReason.get(timeout.toMillis(), TimeUnit.MILLISECONDS));
        } catch (TimeoutException | ExecutionException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    /** True once the connection is closed (by the server or by us) within the timeout. */
    public boolean awaitClosed(Duration timeout) {
        try {
            closed.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (TimeoutException | ExecutionException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    public boolean isClosed() {
        return closed.isDone();
    }

    /** Stops answering heartbeats, like a client whose process froze; the server should drop it. */
    public void stopHeartbeats() {
        heartbeats = false;
    }

    /** Sends any bytes as they are: on TCP raw bytes, on WebSocket one binary message. */
    public void sendRaw(byte[] bytes) throws IOException {
        transport.send(bytes);
    }

    /** WebSocket only: a text frame, which the Pomelo protocol does not use. */
    public void sendTextFrame(String text) throws IOException {
        if (!(transport instanceof WebSocketTransport)) {
            throw new IllegalStateException("text frames exist only on WebSocket");
        }
        ((WebSocketTransport) transport).sendText(text);
    }

    public void send(PomeloPackage pkg) throws IOException {
        transport.send(PackageCodec.encode(pkg));
    }

    @Override
    public void close() {
        transport.close();
    }

    /** Abrupt close (TCP reset), like a player's network dropping. */
    public void abort() {
        transport.abort();
    }

    @Override
    public void onPackage(PomeloPackage pkg) {
        switch (pkg.type()) {
            case HANDSHAKE:
                handshakeReply.complete(Json.parse(pkg.body()));
                break;
            case HEARTBEAT:
                scheduleHeartbeat();
                break;
            case KICK:
                kickReason.complete(Json.parse(pkg.body()).path("reason").asText());
                break;
            case DATA:
                onMessage(MessageCodec.decode(pkg.body()));
                break;
            default:
                break;
        }
    }

    private void onMessage(PomeloMessage message) {
        if (message.type() == MessageType.PUSH) {
            pushes.add(message);
            return;
        }
        CompletableFuture<JsonNode> response = pending.remove(message.id());
        if (response != null) {
            response.complete(Json.parse(message.body()));
        }
    }

    private void scheduleHeartbeat() {
        if (heartbeats && heartbeatSeconds > 0) {
            HEARTBEATS.schedule(() -> {
                if (heartbeats && !closed.isDone()) {
                    try {
                        send(PomeloPackage.heartbeat());
                    } catch (IOException e) {
                        // the reader sees the broken connection and reports it closed
                    }
                }
            }, heartbeatSeconds, TimeUnit.SECONDS);
        }
    }

    @Override
    public void onClosed() {
        closed.complete(null);
        IOException gone = new IOException("connection closed");
        handshakeReply.completeExceptionally(gone);
        pending.values().forEach(response -> response.completeExceptionally(gone));
    }

    private int code(JsonNode response) {
        if (response.has("error")) {
            lastError = response.get("error").asText();
        }
        return response.path("code").asInt();
    }

    private static <T> T await(CompletableFuture<T> future, String what) throws IOException {
        try {
            return future.get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new IOException("no " + what + " within " + TIMEOUT.toSeconds() + " s");
        } catch (ExecutionException e) {
            throw new IOException("no " + what + ": " + e.getCause().getMessage(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting for " + what, e);
        }
    }
}
