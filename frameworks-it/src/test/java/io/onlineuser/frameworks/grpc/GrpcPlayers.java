package io.onlineuser.frameworks.grpc;

import java.net.SocketAddress;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The game's own record of who is logged in, by the player's address: the code the agent's hooks name. */
public final class GrpcPlayers {

    private final Map<SocketAddress, String> uids = new ConcurrentHashMap<>();

    public void login(SocketAddress remote, String uid) {
        uids.put(remote, uid);
    }

    public void logout(SocketAddress remote) {
        uids.remove(remote);
    }
}
