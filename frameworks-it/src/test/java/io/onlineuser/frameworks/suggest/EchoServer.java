package io.onlineuser.frameworks.suggest;

import io.vertx.core.Vertx;
import java.util.concurrent.TimeUnit;

/**
 * A server with no login code: a Vert.x WebSocket port that echoes each text. Prints
 * {@code echo port P} once it listens. Argument: the port.
 */
public final class EchoServer {

    private EchoServer() {
    }

    public static void main(String[] args) throws Exception {
        int port = Vertx.vertx().createHttpServer()
                .webSocketHandler(socket -> socket.textMessageHandler(socket::writeTextMessage))
                .listen(Integer.parseInt(args[0]), "127.0.0.1")
                .toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS).actualPort();
        System.out.println("echo port " + port);
        System.out.flush();
    }
}
