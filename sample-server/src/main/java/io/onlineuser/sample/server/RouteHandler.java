package io.onlineuser.sample.server;

import com.fasterxml.jackson.databind.JsonNode;
import io.onlineuser.sample.session.Session;

/** Game logic behind one route, e.g. "connector.entryHandler.login". Runs on the session's event loop. */
@FunctionalInterface
interface RouteHandler {
    /** Returns the response body (sent only when the client made a request, not a notify). */
    JsonNode handle(Session session, JsonNode body);
}
