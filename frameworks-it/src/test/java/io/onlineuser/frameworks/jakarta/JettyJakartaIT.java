package io.onlineuser.frameworks.jakarta;

import org.junit.jupiter.api.Test;

/** Jakarta WebSocket on embedded Jetty 12.1.14, ee10 ({@link JettyGameServer}): see {@link JakartaGame}. */
class JettyJakartaIT {

    @Test
    void countsPlayersOnBothEndpointsExactly() throws Exception {
        JakartaGame.countsPlayersExactly(JettyGameServer.class,
                "org.eclipse.jetty.ee10.websocket.jakarta.server.JakartaWebSocketServerContainer");
    }
}
