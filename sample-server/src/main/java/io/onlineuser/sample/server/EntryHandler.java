package io.onlineuser.sample.server;

import com.fasterxml.jackson.databind.JsonNode;
import io.onlineuser.sample.session.Session;
import io.onlineuser.sample.session.SessionService;

/** Routes connector.entryHandler.login and .logout: who is on this connection. */
final class EntryHandler {
    static final String LOGIN = "connector.entryHandler.login";
    static final String LOGOUT = "connector.entryHandler.logout";
    static final String DUPLICATE_REASON = "duplicate login";
    private static final int LOCK_STRIPES = 64;

    private final SessionService sessionService;
    private final DuplicateLoginPolicy duplicatePolicy;
    /** Two connections logging in as one uid at once, on two event loops, must not both win. */
    private final Object[] uidLocks = new Object[LOCK_STRIPES];

    EntryHandler(SessionService sessionService, DuplicateLoginPolicy duplicatePolicy) {
        this.sessionService = sessionService;
        this.duplicatePolicy = duplicatePolicy;
        for (int i = 0; i < LOCK_STRIPES; i++) {
            uidLocks[i] = new Object();
        }
    }

    JsonNode login(Session session, JsonNode body) {
        String uid = Replies.text(body, "uid");
        if (uid == null) {
            return Replies.error(500, "INVALID_UID");
        }
        String current = session.uid();
        if (current != null) {
            return current.equals(uid) ? Replies.ok() : Replies.error(500, "ALREADY_LOGGED_IN");
        }
        synchronized (uidLocks[Math.floorMod(uid.hashCode(), LOCK_STRIPES)]) {
            if (sessionService.isOnline(uid)) {
                if (duplicatePolicy == DuplicateLoginPolicy.REJECT) {
                    return Replies.error(500, "DUPLICATE_LOGIN");
                }
                sessionService.kick(uid, DUPLICATE_REASON);
            }
            sessionService.bind(session, uid);
        }
        return Replies.ok();
    }

    JsonNode logout(Session session, JsonNode body) {
        if (session.uid() == null) {
            return Replies.error(500, "NOT_LOGGED_IN");
        }
        sessionService.unbind(session);
        return Replies.ok();
    }
}
