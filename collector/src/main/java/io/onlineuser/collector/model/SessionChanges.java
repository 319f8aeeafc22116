package io.onlineuser.collector.model;

import java.util.List;

/**
 * One answer of {@code Session.changes(cursor, limit)}: the events after the cursor in sequence
 * order, the cursor to ask from next, and {@code gap} when the agent no longer holds what the old
 * cursor needed (journal overflow, or the agent restarted): then the client must list again.
 */
public record SessionChanges(String cursor, boolean gap, List<Event> events) {

    /** A login or logout; {@code time} is epoch ms. */
    public record Event(long seq, Kind kind, long sessionId, String uid, String address, long time) {
    }

    public enum Kind { LOGIN, LOGOUT }
}
