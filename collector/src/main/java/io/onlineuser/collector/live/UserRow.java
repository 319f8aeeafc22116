package io.onlineuser.collector.live;

/**
 * One logged-in uid on one server, as in Pomelo's {@code loginedList}: its earliest session's
 * login time and address, its session count there, and whether it is also online on another server.
 */
public record UserRow(String serverId, String uid, long loginTime, String address, int sessionCount, boolean duplicate) {
}
