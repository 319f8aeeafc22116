package io.onlineuser.frameworks.jakarta;

import org.junit.jupiter.api.Test;

/** Jakarta WebSocket on embedded Tomcat 11.0.29 ({@link TomcatGameServer}): see {@link JakartaGame}. */
class TomcatJakartaIT {

    @Test
    void countsPlayersOnBothEndpointsExactly() throws Exception {
        JakartaGame.countsPlayersExactly(TomcatGameServer.class, "org.apache.tomcat.websocket.server.WsServerContainer");
    }
}
