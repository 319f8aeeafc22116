package io.onlineuser.frameworks.suggest;

import io.onlineuser.frameworks.jakarta.TomcatGameServer;
import org.junit.jupiter.api.Test;

/** {@code suggest --watch} on Jakarta WebSocket in embedded Tomcat 11: see {@link SuggestJakarta}. */
class SuggestJakartaIT {

    @Test
    void recommendsTheDocumentedLinesWhichCountExactlyOnAFreshServer() throws Exception {
        SuggestJakarta.recommendsTheDocumentedLinesWhichCountExactly(TomcatGameServer.class, "suggest-tomcat");
    }
}
