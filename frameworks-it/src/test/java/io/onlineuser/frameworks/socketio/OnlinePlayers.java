package io.onlineuser.frameworks.socketio;

import com.corundumstudio.socketio.SocketIOClient;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/** The game's own record of who is logged in: the application code the agent's hooks name. */
public final class OnlinePlayers {

    private final Map<UUID, String> uids = new ConcurrentHashMap<>();

    public void login(SocketIOClient client, String uid) {
        uids.put(client.getSessionId(), uid);
    }

    public void logout(SocketIOClient client) {
        uids.remove(client.getSessionId());
    }
}
