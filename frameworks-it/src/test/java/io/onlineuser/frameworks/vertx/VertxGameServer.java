package io.onlineuser.frameworks.vertx;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.net.NetClient;
import io.vertx.core.net.NetServer;
import io.vertx.core.net.NetSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A game server on Vert.x as a user writes one: players on a WebSocket port, and an internal
 * {@link NetServer} (a message broker) with its own clients in the same JVM, as real frameworks
 * have. A player's {@code login <uid>} enters the game's {@link VertxLobby} and is answered
 * {@code ok <ip:port the server sees>}; {@code logout} (answered {@code bye}) or the socket's close
 * leaves it; other text is echoed. Prints {@code game port G internal port I} once both listen and
 * the internal clients are connected. Arguments: game port, internal port, internal clients.
 */
public final class VertxGameServer {

    private VertxGameServer() {
    }

    public static void main(String[] args) throws Exception {
        int gamePort = Integer.parseInt(args[0]);
        int internalPort = Integer.parseInt(args[1]);
        int internalClients = Integer.parseInt(args[2]);
        Vertx vertx = Vertx.vertx();

        VertxLobby lobby = new VertxLobby();
        HttpServer game = vertx.createHttpServer().webSocketHandler(socket -> {
            socket.textMessageHandler(text -> socket.writeTextMessage(answer(lobby, socket, text)));
            socket.closeHandler(closed -> lobby.logout(socket));
        });
        game = await(game.listen(gamePort, "127.0.0.1"));

        NetServer broker = vertx.createNetServer().connectHandler(socket -> socket.handler(socket::write));
        broker = await(broker.listen(internalPort, "127.0.0.1"));

        NetClient client = vertx.createNetClient();
        List<NetSocket> brokerLinks = new ArrayList<>();
        for (int i = 0; i < internalClients; i++) {
            NetSocket link = await(client.connect(broker.actualPort(), "127.0.0.1"));
            link.handler(reply -> { });
            brokerLinks.add(link);
        }
        vertx.setPeriodic(1000, tick -> brokerLinks.forEach(link -> link.write(Buffer.buffer("ping"))));
        System.out.println("game port " + game.actualPort() + " internal port " + broker.actualPort());
        System.out.flush();
    }

    private static String answer(VertxLobby lobby, ServerWebSocket socket, String text) {
        if (text.startsWith("login ")) {
            lobby.login(socket, text.substring(6));
            return "ok " + socket.remoteAddress().hostAddress() + ":" + socket.remoteAddress().port();
        }
        if ("logout".equals(text)) {
            lobby.logout(socket);
            return "bye";
        }
        return "echo " + text;
    }

    private static <T> T await(io.vertx.core.Future<T> future) throws Exception {
        return future.toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    }
}
