package io.onlineuser.sample.server;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.onlineuser.sample.protocol.Json;
import io.onlineuser.sample.session.SessionService;

/** What every connection of one server shares: settings, sessions, routes, the handshake answer. */
final class ServerContext {
    final ServerSettings settings;
    final SessionService sessionService;
    final Router router;
    final byte[] handshakeReply;
    final byte[] handshakeRefusal;

    ServerContext(ServerSettings settings, SessionService sessionService) {
        this.settings = settings;
        this.sessionService = sessionService;
        this.router = new Router(sessionService, settings.duplicatePolicy());
        this.handshakeReply = Json.bytes(handshakeReply(settings.heartbeatSeconds()));
        this.handshakeRefusal = Json.bytes(Replies.error(500, "BAD_HANDSHAKE"));
    }

    /** Pomelo's answer; no "heartbeat" key means the client must not send heartbeats. */
    private static ObjectNode handshakeReply(int heartbeatSeconds) {
        ObjectNode reply = Json.object().put("code", 200);
        ObjectNode sys = reply.putObject("sys");
        if (heartbeatSeconds > 0) {
            sys.put("heartbeat", heartbeatSeconds);
        }
        sys.putObject("dict");
        sys.putObject("protos");
        reply.putObject("user");
        return reply;
    }
}
