package io.onlineuser.frameworks.jakarta;

import jakarta.websocket.Session;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The game's own record of who is logged in, shared by its endpoints: the application code the
 * agent's hooks name ({@code Lobby#login(Session, String)}, {@code Lobby#logout(Session)}). A
 * player whose connection drops is never logged out by the application.
 */
public final class Lobby {

    static final Lobby INSTANCE = new Lobby();

    private final Map<Session, String> uids = new ConcurrentHashMap<>();

    public void login(Session session, String uid) {
        uids.put(session, uid);
    }

    public void logout(Session session) {
        uids.remove(session);
    }

    /** A player's text command: {@code login <uid>} answers {@code ok}, {@code logout} answers {@code bye}. */
    String answer(Session session, String command) {
        if (command.startsWith("login ")) {
            login(session, command.substring(6));
            return "ok";
        }
        if ("logout".equals(command)) {
            logout(session);
            return "bye";
        }
        return "unknown command";
    }
}
