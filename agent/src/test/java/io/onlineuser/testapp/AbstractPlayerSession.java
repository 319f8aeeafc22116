package io.onlineuser.testapp;

import io.netty.channel.Channel;

/**
 * Package-private, so javac gives each public subclass a bridge for {@link #setUserId}: a hook
 * naming the subclass finds only that bridge, the code that runs is here.
 */
abstract class AbstractPlayerSession {

    private final Channel channel;
    private volatile String userId;

    AbstractPlayerSession(Channel channel) {
        this.channel = channel;
    }

    public void setUserId(String userId) {
        this.userId = userId;
    }

    public String userId() {
        return userId;
    }
}
