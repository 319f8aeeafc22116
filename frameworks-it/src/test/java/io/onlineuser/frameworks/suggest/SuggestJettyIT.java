package io.onlineuser.frameworks.suggest;

import io.onlineuser.frameworks.jakarta.JettyGameServer;
import org.junit.jupiter.api.Test;

/** {@code suggest --watch} on Jakarta WebSocket in embedded Jetty 12.1 (ee10): see {@link SuggestJakarta}. */
class SuggestJettyIT {

    @Test
    void recommendsTheDocumentedLinesWhichCountExactlyOnAFreshServer() throws Exception {
        SuggestJakarta.recommendsTheDocumentedLinesWhichCountExactly(JettyGameServer.class, "suggest-jetty");
    }
}
