package io.onlineuser.collector.model;

/** One bound session of a uid, as {@code Session.getByUid} reports it, tagged with the server that holds it. */
public record SessionInfo(String serverId, long sessionId, String uid, String frontendId, long loginTime, String address) {
}
