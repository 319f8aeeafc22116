package io.onlineuser.sample.server;

import com.fasterxml.jackson.databind.JsonNode;
import io.onlineuser.sample.protocol.Json;
import io.onlineuser.sample.session.Session;
import io.onlineuser.sample.session.SessionService;
import java.util.Map;

/** Route name -> game logic. An unknown route is the client's mistake, answered, not fatal. */
final class Router {
    private final Map<String, RouteHandler> routes;

    Router(SessionService sessionService, DuplicateLoginPolicy duplicatePolicy) {
        EntryHandler entry = new EntryHandler(sessionService, duplicatePolicy);
        ChatHandler chat = new ChatHandler(sessionService);
        routes = Map.of(
                EntryHandler.LOGIN, entry::login,
                EntryHandler.LOGOUT, entry::logout,
                ChatHandler.SEND, chat::send);
    }

    JsonNode handle(Session session, String route, JsonNode body) {
        RouteHandler handler = routes.get(route);
        if (handler == null) {
            return Replies.error(404, "ROUTE_NOT_FOUND");
        }
        return handler.handle(session, body.isObject() ? body : Json.object());
    }
}
