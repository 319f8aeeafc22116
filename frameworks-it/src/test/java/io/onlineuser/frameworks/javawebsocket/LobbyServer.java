package io.onlineuser.frameworks.javawebsocket;

import java.net.InetSocketAddress;
import java.util.concurrent.CountDownLatch;
import org.java_websocket.WebSocket;
import org.java_websocket.handshake.ClientHandshake;
import org.java_websocket.server.WebSocketServer;

/**
 * A Java-WebSocket 1.6.0 game lobby as a user writes one: {@code login <uid>} answers
 * {@code ok <ip:port the server sees>}, {@code logout} logs the player out; a player whose
 * connection drops is never logged out by the application. Argument: the port.
 */
public final class LobbyServer extends WebSocketServer {

    private final LobbyPlayers players = new LobbyPlayers();
    private final CountDownLatch started = new CountDownLatch(1);

    private LobbyServer(int port) {
        super(new InetSocketAddress("127.0.0.1", port));
        setReuseAddr(true);
    }

    public static void main(String[] args) throws InterruptedException {
        LobbyServer server = new LobbyServer(Integer.parseInt(args[0]));
        server.start();
        server.started.await();
        System.out.println("java-websocket game port " + args[0]);
        new CountDownLatch(1).await();
    }

    @Override
    public void onOpen(WebSocket conn, ClientHandshake handshake) {
        // a player logs in with its first message
    }

    @Override
    public void onClose(WebSocket conn, int code, String reason, boolean remote) {
        // the application keeps no state of its own per connection
    }

    @Override
    public void onMessage(WebSocket conn, String message) {
        if (message.startsWith("login ")) {
            players.login(conn, message.substring(6));
            InetSocketAddress remote = conn.getRemoteSocketAddress();
            conn.send("ok " + remote.getAddress().getHostAddress() + ":" + remote.getPort());
        } else if ("logout".equals(message)) {
            players.logout(conn);
            conn.send("bye");
        }
    }

    @Override
    public void onError(WebSocket conn, Exception ex) {
        System.out.println("lobby error: " + ex);
    }

    @Override
    public void onStart() {
        started.countDown();
    }
}
