package io.onlineuser.frameworks.mina;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The game's login code: the application method the agent's hook names. It never logs a player
 * out itself: a player leaves when its connection closes, which the agent sees on its own.
 */
public final class MinaPlayers {

    private static volatile MinaPlayers current;

    private final Map<Long, MinaPlayer> players = new ConcurrentHashMap<>();

    MinaPlayers() {
        current = this;
    }

    /** The game's one instance, where an operator's {@code sessions.registry} finds who is logged in. */
    public static MinaPlayers current() {
        return current;
    }

    public Map<Long, MinaPlayer> players() {
        return players;
    }

    public void enter(MinaPlayer player) {
        players.put(player.session().getId(), player);
    }
}
