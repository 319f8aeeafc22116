package io.onlineuser.collector.live;

import java.util.List;
import java.util.Map;

import io.onlineuser.collector.model.SessionInfo;

/**
 * Where a uid is, from the index: {@code sessions} on servers that count (ok or stale),
 * {@code lastSeen} on servers lost past the grace period (not online), {@code errors} naming each
 * server that is not ok with its age, {@code ageMillis} the age of the data behind {@code sessions}.
 * Fields {@code uid, online, servers, sessions, errors} read like the one-shot {@code find --json}.
 */
public record LiveLookup(String uid, boolean online, List<String> servers, List<SessionInfo> sessions,
                         List<SessionInfo> lastSeen, Map<String, String> errors, long ageMillis) {
}
