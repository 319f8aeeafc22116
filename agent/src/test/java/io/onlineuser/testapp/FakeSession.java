package io.onlineuser.testapp;

import io.netty.channel.Channel;

/** Stands for an application's session: holds its channel in a field, as most connectors do. */
public final class FakeSession {

    private final Channel channel;
    volatile String uid;

    public FakeSession(Channel channel) {
        this.channel = channel;
    }

    public String uid() {
        return uid;
    }
}
