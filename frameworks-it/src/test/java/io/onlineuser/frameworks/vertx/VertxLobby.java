package io.onlineuser.frameworks.vertx;

import io.vertx.core.http.ServerWebSocket;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The game's own record of who is logged in: the application code the agent's hooks name. */
public final class VertxLobby {

    private final Map<ServerWebSocket, String> uids = new ConcurrentHashMap<>();

    public void login(ServerWebSocket socket, String uid) {
        uids.put(socket, uid);
    }

    public void logout(ServerWebSocket socket) {
        uids.remove(socket);
    }
}
