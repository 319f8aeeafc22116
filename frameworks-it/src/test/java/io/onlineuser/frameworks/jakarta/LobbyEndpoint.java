package io.onlineuser.frameworks.jakarta;

import jakarta.websocket.Endpoint;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.MessageHandler;
import jakarta.websocket.Session;
import jakarta.websocket.server.ServerEndpointConfig;
import java.io.IOException;
import java.io.UncheckedIOException;

/** The programmatic endpoint, {@code /lobby} ({@link #CONFIG}): each text message is a {@link Lobby} command. */
public final class LobbyEndpoint extends Endpoint {

    static final ServerEndpointConfig CONFIG = ServerEndpointConfig.Builder.create(LobbyEndpoint.class, "/lobby").build();

    @Override
    public void onOpen(Session session, EndpointConfig config) {
        session.addMessageHandler(String.class, command -> {
            try {
                session.getBasicRemote().sendText(Lobby.INSTANCE.answer(session, command));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    @Override
    public void onError(Session session, Throwable error) {
        // a dropped connection: the container closes the session
    }
}
