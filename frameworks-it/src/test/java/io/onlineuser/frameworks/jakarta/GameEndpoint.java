package io.onlineuser.frameworks.jakarta;

import jakarta.websocket.OnError;
import jakarta.websocket.OnMessage;
import jakarta.websocket.Session;
import jakarta.websocket.server.ServerEndpoint;

/** The annotated endpoint, {@code /game}: each text message is a {@link Lobby} command. */
@ServerEndpoint("/game")
public final class GameEndpoint {

    @OnMessage
    public String onMessage(Session session, String command) {
        return Lobby.INSTANCE.answer(session, command);
    }

    /** A player's connection dropped: nothing to do, the game keeps no state per connection. */
    @OnError
    public void onError(Session session, Throwable error) {
        // the container closes the session
    }
}
