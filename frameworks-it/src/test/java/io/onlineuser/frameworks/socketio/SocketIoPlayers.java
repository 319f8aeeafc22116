package io.onlineuser.frameworks.socketio;

import io.socket.client.IO;
import io.socket.client.Socket;
import io.socket.engineio.client.transports.WebSocket;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import okhttp3.OkHttpClient;

/** Players as real Socket.IO clients (the Socket.IO project's Java client), WebSocket transport only. */
public final class SocketIoPlayers implements AutoCloseable {

    private final OkHttpClient http = new OkHttpClient();
    private final List<Socket> open = new ArrayList<>();

    /** Connects {@code count} more players to {@code url} and waits until each is connected. */
    public void connect(String url, int count) throws Exception {
        List<CompletableFuture<Object>> connected = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            IO.Options options = IO.Options.builder().setTransports(new String[] {WebSocket.NAME})
                    .setForceNew(true).setReconnection(false).build();
            options.callFactory = http;
            options.webSocketFactory = http;
            Socket socket = IO.socket(URI.create(url), options);
            CompletableFuture<Object> done = new CompletableFuture<>();
            socket.once(Socket.EVENT_CONNECT, args -> done.complete(null));
            socket.once(Socket.EVENT_CONNECT_ERROR, args -> done.completeExceptionally(
                    new IllegalStateException("connect error: " + (args.length == 0 ? "" : args[0]))));
            socket.connect();
            open.add(socket);
            connected.add(done);
        }
        for (CompletableFuture<Object> done : connected) {
            done.get(30, TimeUnit.SECONDS);
        }
    }

    /** Player {@code index} sends the login event; returns the address the server saw it at ({@code /ip:port}). */
    public String login(int index, String uid) throws Exception {
        CompletableFuture<String> answer = new CompletableFuture<>();
        open.get(index).emit("login", new Object[] {uid}, args -> answer.complete(String.valueOf(args[0])));
        return answer.get(30, TimeUnit.SECONDS);
    }

    /** Disconnects the last {@code count} players. */
    public void disconnect(int count) {
        for (int i = 0; i < count && !open.isEmpty(); i++) {
            open.remove(open.size() - 1).disconnect();
        }
    }

    int size() {
        return open.size();
    }

    @Override
    public void close() {
        disconnect(open.size());
        http.dispatcher().executorService().shutdown();
        http.connectionPool().evictAll();
    }
}
