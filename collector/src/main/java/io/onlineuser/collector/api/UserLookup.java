package io.onlineuser.collector.api;

import java.util.List;
import java.util.Map;

import io.onlineuser.collector.model.SessionInfo;

/** Where a uid is online: its sessions across every server that answered, and who did not answer. */
public record UserLookup(String uid, List<SessionInfo> sessions, Map<String, String> errors) {

    public boolean online() {
        return !sessions.isEmpty();
    }

    /** Server ids holding a session of the uid, without repeats; two or more means a duplicate login. */
    public List<String> serverIds() {
        return sessions.stream().map(SessionInfo::serverId).distinct().sorted().toList();
    }
}
