package io.onlineuser.testapp;

import io.netty.channel.Channel;

/** The public session class a user names in a hook ({@code PlayerSession#setUserId/1}). */
public final class PlayerSession extends AbstractPlayerSession {

    public PlayerSession(Channel channel) {
        super(channel);
    }
}
