package io.onlineuser.testapp;

import io.netty.channel.Channel;

/** Another subclass of the same base: a hook on {@link PlayerSession} must not count it. */
public final class RobotSession extends AbstractPlayerSession {

    public RobotSession(Channel channel) {
        super(channel);
    }
}
