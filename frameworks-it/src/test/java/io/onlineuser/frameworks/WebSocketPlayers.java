package io.onlineuser.frameworks;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** Players as real WebSocket clients (the JDK's), held open until dropped, that send text commands and read the answers. */
public final class WebSocketPlayers implements AutoCloseable {

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final List<WebSocket> open = new ArrayList<>();
    private final List<BlockingQueue<String>> replies = new ArrayList<>();

    /** Opens {@code count} more connections to {@code url} and waits until each is upgraded. */
    public void open(String url, int count) throws Exception {
        List<CompletableFuture<WebSocket>> pending = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            BlockingQueue<String> answers = new LinkedBlockingQueue<>();
            pending.add(http.newWebSocketBuilder().buildAsync(URI.create(url), new WebSocket.Listener() {
                @Override
                public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
                    answers.add(data.toString());
                    webSocket.request(1);
                    return null;
                }
            }));
            replies.add(answers);
        }
        for (CompletableFuture<WebSocket> socket : pending) {
            open.add(socket.get(30, TimeUnit.SECONDS));
        }
    }

    /** Sends {@code text} on connection {@code index} and returns the answer. */
    public String ask(int index, String text) throws Exception {
        open.get(index).sendText(text, true).get(10, TimeUnit.SECONDS);
        String answer = replies.get(index).poll(10, TimeUnit.SECONDS);
        if (answer == null) {
            throw new IllegalStateException(text + ": no answer");
        }
        return answer;
    }

    /** Drops connections {@code from} to the end (TCP closed at once, no close frame). */
    public void abortFrom(int from) {
        while (open.size() > from) {
            open.remove(open.size() - 1).abort();
            replies.remove(replies.size() - 1);
        }
    }

    public int size() {
        return open.size();
    }

    @Override
    public void close() {
        abortFrom(0);
    }
}
