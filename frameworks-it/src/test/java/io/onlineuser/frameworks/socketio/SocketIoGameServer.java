package io.onlineuser.frameworks.socketio;

import com.corundumstudio.socketio.Configuration;
import com.corundumstudio.socketio.SocketIOServer;
import com.corundumstudio.socketio.Transport;
import java.util.concurrent.CountDownLatch;

/**
 * A netty-socketio game server as a user writes one: WebSocket transport, a {@code login} event
 * that records the player in the application's {@link OnlinePlayers} and answers with the address
 * it sees the player at, a disconnect listener that logs the player out. Argument: the port.
 */
public final class SocketIoGameServer {

    private SocketIoGameServer() {
    }

    public static void main(String[] args) throws InterruptedException {
        int port = Integer.parseInt(args[0]);
        Configuration config = new Configuration();
        config.setHostname("127.0.0.1");
        config.setPort(port);
        config.setTransports(Transport.WEBSOCKET);
        SocketIOServer server = new SocketIOServer(config);
        OnlinePlayers players = new OnlinePlayers();
        server.addEventListener("login", String.class, (client, uid, ack) -> {
            players.login(client, uid);
            ack.sendAckData(client.getRemoteAddress().toString());
        });
        server.addDisconnectListener(players::logout);
        server.start();
        System.out.println("socket.io game port " + port);
        new CountDownLatch(1).await();
    }
}
