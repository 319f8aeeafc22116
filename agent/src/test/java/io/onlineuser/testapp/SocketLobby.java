package io.onlineuser.testapp;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** An application's login code given the framework's {@link PlayerSocket} interface. */
public final class SocketLobby {

    private final Map<PlayerSocket, String> uids = new ConcurrentHashMap<>();

    public void login(PlayerSocket socket, String uid) {
        uids.put(socket, uid);
    }

    public void logout(PlayerSocket socket) {
        uids.remove(socket);
    }
}
