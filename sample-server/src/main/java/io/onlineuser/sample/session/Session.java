package io.onlineuser.sample.session;

import io.netty.channel.Channel;

/**
 * One client connection, as a game's connector sees it: an id, the Netty channel, and the uid
 * once the player has logged in. Compared by identity on purpose (no equals/hashCode).
 */
public final class Session {
    private final long id;
    private final Channel channel;
    private volatile String uid;
    private volatile long loginTime;

    Session(long id, Channel channel) {
        this.id = id;
        this.channel = channel;
    }

    public long id() {
        return id;
    }

    /** The logged-in player, or null before login and after logout. */
    public String uid() {
        return uid;
    }

    /** Epoch ms of the last bind, 0 while not bound. */
    public long loginTime() {
        return loginTime;
    }

    public Channel channel() {
        return channel;
    }

    void bound(String boundUid, long when) {
        this.loginTime = when;
        this.uid = boundUid;
    }

    void unbound() {
        this.uid = null;
        this.loginTime = 0;
    }

    @Override
    public String toString() {
        return "Session[" + id + (uid == null ? "" : ", uid=" + uid) + ", " + channel.remoteAddress() + "]";
    }
}
