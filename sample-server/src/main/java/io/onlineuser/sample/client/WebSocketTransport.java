package io.onlineuser.sample.client;

import io.netty.buffer.Unpooled;
import io.onlineuser.sample.protocol.PackageCodec;
import io.onlineuser.sample.protocol.PomeloPackage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

/** Pomelo packages in WebSocket binary messages, on the JDK's WebSocket client. */
final class WebSocketTransport implements Transport {
    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final WebSocket webSocket;

    WebSocketTransport(String host, int port, PackageListener listener) throws IOException {
        try {
            webSocket = HTTP.newWebSocketBuilder()
                    .connectTimeout(TIMEOUT)
                    .buildAsync(URI.create("ws://" + host + ":" + port + "/"), new Receiver(listener))
                    .get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new IOException("WebSocket connection to " + host + ":" + port + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while connecting", e);
        }
    }

    @Override
    public synchronized void send(byte[] bytes) throws IOException {
        try {
            webSocket.sendBinary(ByteBuffer.wrap(bytes), true).get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new IOException("WebSocket send failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while sending", e);
        }
    }

    /** Sends a text frame, which Pomelo does not use: lets tests check that it is refused. */
    synchronized void sendText(String text) throws IOException {
        try {
            webSocket.sendText(text, true).get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new IOException("WebSocket send failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while sending", e);
        }
    }

    @Override
    public void close() {
        webSocket.sendClose(WebSocket.NORMAL_CLOSURE, "bye").whenComplete((ws, error) -> webSocket.abort());
    }

    @Override
    public void abort() {
        webSocket.abort();
    }

    /** Joins message parts, decodes whole packages, reports the close once. */
    private static final class Receiver implements WebSocket.Listener {
        private final PackageListener listener;
        private final ByteArrayOutputStream message = new ByteArrayOutputStream();
        private final AtomicBoolean closed = new AtomicBoolean();

        Receiver(PackageListener listener) {
            this.listener = listener;
        }

        @Override
        public CompletionStage<?> onBinary(WebSocket ws, ByteBuffer data, boolean last) {
            byte[] part = new byte[data.remaining()];
            data.get(part);
            message.write(part, 0, part.length);
            if (last) {
                byte[] whole = message.toByteArray();
                message.reset();
                try {
                    for (PomeloPackage pkg : PackageCodec.decodeAll(Unpooled.wrappedBuffer(whole), Integer.MAX_VALUE)) {
                        listener.onPackage(pkg);
                    }
                } catch (RuntimeException e) {
                    ws.abort();
                    closed();
                    return null;
                }
            }
            ws.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket ws, int statusCode, String reason) {
            closed();
            return null;
        }

        @Override
        public void onError(WebSocket ws, Throwable error) {
            closed();
        }

        private void closed() {
            if (closed.compareAndSet(false, true)) {
                listener.onClosed();
            }
        }
    }
}
