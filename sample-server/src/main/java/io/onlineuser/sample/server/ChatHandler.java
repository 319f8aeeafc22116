package io.onlineuser.sample.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.onlineuser.sample.protocol.Json;
import io.onlineuser.sample.protocol.PomeloMessage;
import io.onlineuser.sample.protocol.PomeloPackage;
import io.onlineuser.sample.session.Session;
import io.onlineuser.sample.session.SessionService;
import java.util.List;

/**
 * Route chat.chatHandler.send {"content":…,"target":"*"|uid}: real traffic to measure. The sender
 * gets the chat back as the response; the target (or every logged-in player for "*") gets an
 * "onChat" push. The push is encoded once and shared by all recipients.
 */
final class ChatHandler {
    static final String SEND = "chat.chatHandler.send";
    static final String ON_CHAT = "onChat";
    static final String EVERYONE = "*";

    private final SessionService sessionService;

    ChatHandler(SessionService sessionService) {
        this.sessionService = sessionService;
    }

    JsonNode send(Session session, JsonNode body) {
        String from = session.uid();
        if (from == null) {
            return Replies.error(500, "NOT_LOGGED_IN");
        }
        String content = Replies.text(body, "content");
        if (content == null) {
            return Replies.error(500, "EMPTY_CONTENT");
        }
        String target = Replies.text(body, "target");
        if (target == null) {
            target = EVERYONE;
        }
        ObjectNode chat = Json.object().put("from", from).put("target", target).put("content", content);
        List<Session> recipients = EVERYONE.equals(target) ? sessionService.boundSessions() : sessionService.getByUid(target);
        if (!recipients.isEmpty()) {
            PomeloPackage push = PomeloPackage.data(PomeloMessage.push(ON_CHAT, Json.bytes(chat)));
            for (Session recipient : recipients) {
                recipient.channel().writeAndFlush(push);
            }
        }
        return Replies.ok().setAll(chat);
    }
}
