package io.onlineuser.frameworks.javawebsocket;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** Players as real WebSocket clients (the JDK's) that send text commands and read the answers. */
final class TextPlayers implements AutoCloseable {

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final List<WebSocket> open = new ArrayList<>();
    private final List<BlockingQueue<String>> replies = new ArrayList<>();

    void open(String url, int count) throws Exception {
        for (int i = 0; i < count; i++) {
            BlockingQueue<String> answers = new LinkedBlockingQueue<>();
            WebSocket socket = http.newWebSocketBuilder().buildAsync(URI.create(url), new WebSocket.Listener() {
                @Override
                public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
                    answers.add(data.toString());
                    webSocket.request(1);
                    return null;
                }
            }).get(30, TimeUnit.SECONDS);
            open.add(socket);
            replies.add(answers);
        }
    }

    /** Sends {@code text} on connection {@code index} and returns the answer. */
    String ask(int index, String text) throws Exception {
        open.get(index).sendText(text, true).get(10, TimeUnit.SECONDS);
        String answer = replies.get(index).poll(10, TimeUnit.SECONDS);
        if (answer == null) {
            throw new IllegalStateException(text + ": no answer");
        }
        return answer;
    }

    /** Drops connections {@code from} to the end (TCP closed at once, no close frame). */
    void abortFrom(int from) {
        while (open.size() > from) {
            open.remove(open.size() - 1).abort();
            replies.remove(replies.size() - 1);
        }
    }

    @Override
    public void close() {
        abortFrom(0);
    }
}
