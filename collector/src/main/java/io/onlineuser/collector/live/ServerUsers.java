package io.onlineuser.collector.live;

import java.util.concurrent.ConcurrentSkipListSet;

import io.onlineuser.collector.model.ServerStats;

/**
 * One server id's part of the index: its users in login-time order, its counts, its latest
 * {@code ConnectionStats} and the connector feed that keeps it. Written only by its feed's thread;
 * read by any.
 */
final class ServerUsers {

    final String serverId;
    final ConnectorFeed feed;
    private volatile ConcurrentSkipListSet<UserEntry> byLoginTime = new ConcurrentSkipListSet<>(UserEntry.BY_LOGIN_TIME);
    private volatile int uids;
    private volatile int sessions;
    private volatile ServerStats stats;
    private volatile boolean kickEnabled;
    private volatile int resyncs;
    private volatile String lastResync;

    ServerUsers(String serverId, ConnectorFeed feed) {
        this.serverId = serverId;
        this.feed = feed;
    }

    ConcurrentSkipListSet<UserEntry> byLoginTime() {
        return byLoginTime;
    }

    void replaced(UserEntry old, UserEntry neu) {
        if (old != null) {
            byLoginTime.remove(old);
            sessions -= old.sessionCount();
        }
        if (neu != null) {
            byLoginTime.add(neu);
            sessions += neu.sessionCount();
        }
        uids += (neu != null ? 1 : 0) - (old != null ? 1 : 0);
    }

    void listed(ConcurrentSkipListSet<UserEntry> users, int sessionCount, boolean kick, String reason) {
        byLoginTime = users;
        uids = users.size();
        sessions = sessionCount;
        kickEnabled = kick;
        resyncs++;
        lastResync = reason;
    }

    int uids() {
        return uids;
    }

    int sessions() {
        return sessions;
    }

    ServerStats stats() {
        return stats;
    }

    void stats(ServerStats latest) {
        stats = latest;
    }

    boolean kickEnabled() {
        return kickEnabled;
    }

    /** Listed at least once; a server only claimed has nothing to show yet and is left out of answers. */
    boolean listedOnce() {
        return resyncs > 0;
    }

    int resyncs() {
        return resyncs;
    }

    String lastResync() {
        return lastResync;
    }
}
