package io.onlineuser.collector.model;

/** One row of {@code ConnectionStats.loginedList}: a logged-in uid on one server. */
public record LoginEntry(String serverId, String uid, long loginTime, String address, int sessionCount) {
}
