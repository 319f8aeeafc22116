package io.onlineuser.collector.live;

/**
 * A page of the users table: optionally one server and a uid prefix, ordered by login time (oldest
 * first, or newest first), {@code offset} rows skipped, at most {@code limit} rows (1..{@value #MAX_LIMIT}).
 */
public record LoginsQuery(String serverId, String uidPrefix, boolean newestFirst, int offset, int limit) {

    public static final int MAX_LIMIT = 10_000;

    public LoginsQuery {
        if (offset < 0) {
            throw new IllegalArgumentException("offset must be 0 or more, got " + offset);
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be 1.." + MAX_LIMIT + ", got " + limit);
        }
        serverId = serverId == null || serverId.isEmpty() ? null : serverId;
        uidPrefix = uidPrefix == null || uidPrefix.isEmpty() ? null : uidPrefix;
    }

    /** The first {@code limit} users of every server, oldest login first. */
    public static LoginsQuery first(int limit) {
        return new LoginsQuery(null, null, false, 0, limit);
    }
}
