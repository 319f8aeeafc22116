package io.onlineuser.frameworks.jakarta;

import jakarta.websocket.ClientEndpointConfig;
import jakarta.websocket.DeploymentException;
import jakarta.websocket.Endpoint;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.Session;
import jakarta.websocket.WebSocketContainer;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;

/**
 * The server's own WebSocket clients, opened with its container's {@code connectToServer} to its
 * internal port: a container's client sessions, and the server sessions they reach on a port
 * outside {@code listen.ports}, are not players.
 */
final class InternalProbe {

    private InternalProbe() {
    }

    static List<Session> open(WebSocketContainer container, int internalPort, int count)
            throws IOException, DeploymentException {
        List<Session> sessions = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            sessions.add(container.connectToServer(new Endpoint() {
                @Override
                public void onOpen(Session session, EndpointConfig config) {
                    // held open, silent
                }
            }, ClientEndpointConfig.Builder.create().build(), URI.create("ws://127.0.0.1:" + internalPort + "/game")));
        }
        return sessions;
    }
}
