package io.onlineuser.frameworks;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** Players as real WebSocket clients (the JDK's), held open until closed. */
public final class WebSocketPlayers implements AutoCloseable {

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final List<WebSocket> open = new ArrayList<>();

    /** Opens {@code count} more connections to {@code url} and waits until each is upgraded. */
    public void open(String url, int count) throws Exception {
        List<CompletableFuture<WebSocket>> pending = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            pending.add(http.newWebSocketBuilder().buildAsync(URI.create(url), new WebSocket.Listener() { }));
        }
        for (CompletableFuture<WebSocket> socket : pending) {
            open.add(socket.get(30, TimeUnit.SECONDS));
        }
    }

    /** Closes the most recently opened {@code count} connections (TCP closed at once). */
    public void close(int count) {
        for (int i = 0; i < count && !open.isEmpty(); i++) {
            open.remove(open.size() - 1).abort();
        }
    }

    public int size() {
        return open.size();
    }

    @Override
    public void close() {
        close(open.size());
    }
}
