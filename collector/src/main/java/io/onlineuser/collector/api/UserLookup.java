package io.onlineuser.collector.api;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.onlineuser.collector.model.SessionInfo;

/**
 * Where a uid is online: its sessions across every server that answered, and who did not answer.
 * JSON (CLI {@code find --json} and {@code /api/users/{uid}}): uid, online, servers, sessions, errors.
 */
@JsonPropertyOrder({"uid", "online", "servers", "sessions", "errors"})
public record UserLookup(String uid, List<SessionInfo> sessions, Map<String, String> errors) {

    @JsonProperty("online")
    public boolean online() {
        return !sessions.isEmpty();
    }

    /** Server ids holding a session of the uid, without repeats; two or more means a duplicate login. */
    @JsonProperty("servers")
    public List<String> serverIds() {
        return sessions.stream().map(SessionInfo::serverId).distinct().sorted().toList();
    }
}
