package io.onlineuser.frameworks.javawebsocket;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.java_websocket.WebSocket;

/** The game's own record of who is logged in: the application code the agent's hooks name. */
public final class LobbyPlayers {

    private final Map<WebSocket, String> uids = new ConcurrentHashMap<>();

    public void login(WebSocket socket, String uid) {
        uids.put(socket, uid);
    }

    public void logout(WebSocket socket) {
        uids.remove(socket);
    }
}
