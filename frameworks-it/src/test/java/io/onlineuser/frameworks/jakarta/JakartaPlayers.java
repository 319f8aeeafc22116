package io.onlineuser.frameworks.jakarta;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.java_websocket.client.WebSocketClient;
import org.java_websocket.handshake.ServerHandshake;

/**
 * Players as real WebSocket clients (Java-WebSocket's client, which says its own {@code ip:port}:
 * the address the server sees), each sending {@link Lobby} commands. Indexes stay as opened.
 */
public final class JakartaPlayers implements AutoCloseable {

    private final List<Player> players = new ArrayList<>();

    /** Opens {@code count} more connections to {@code url}, each upgraded before the next. */
    public void open(String url, int count) throws InterruptedException {
        for (int i = 0; i < count; i++) {
            Player player = new Player(URI.create(url));
            if (!player.connectBlocking(10, TimeUnit.SECONDS)) {
                throw new IllegalStateException(url + ": no WebSocket connection");
            }
            players.add(player);
        }
    }

    /** Logs player {@code index} in as {@code uid} through the game; returns its {@code ip:port}. */
    public String login(int index, String uid) throws InterruptedException {
        expect(index, "login " + uid, "ok");
        InetSocketAddress local = players.get(index).getLocalSocketAddress();
        return local.getAddress().getHostAddress() + ":" + local.getPort();
    }

    public void logout(int index) throws InterruptedException {
        expect(index, "logout", "bye");
    }

    /** Drops player {@code index}'s TCP connection at once, without a close frame. */
    public void abort(int index) throws IOException {
        players.get(index).getSocket().close();
    }

    /** Whether player {@code index} has seen its connection closed (by either side). */
    boolean isClosed(int index) {
        return players.get(index).isClosed();
    }

    private void expect(int index, String command, String answer) throws InterruptedException {
        Player player = players.get(index);
        player.send(command);
        String got = player.answers.poll(10, TimeUnit.SECONDS);
        if (!answer.equals(got)) {
            throw new IllegalStateException(command + ": answered " + got);
        }
    }

    /** Drops every player's connection still open. */
    @Override
    public void close() throws IOException {
        for (Player player : players) {
            if (!player.isClosed()) {
                player.getSocket().close();
            }
        }
    }

    private static final class Player extends WebSocketClient {
        final BlockingQueue<String> answers = new LinkedBlockingQueue<>();

        Player(URI url) {
            super(url);
        }

        @Override
        public void onOpen(ServerHandshake handshake) {
            // a player logs in with a message
        }

        @Override
        public void onMessage(String message) {
            answers.add(message);
        }

        @Override
        public void onClose(int code, String reason, boolean remote) {
            // seen through isClosed()
        }

        @Override
        public void onError(Exception error) {
            // an aborted connection ends here; the test reads the agent, not the client
        }
    }
}
