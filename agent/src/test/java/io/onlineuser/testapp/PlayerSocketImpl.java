package io.onlineuser.testapp;

import io.netty.channel.ChannelHandlerContext;

/** The framework's implementation of {@link PlayerSocket}: it holds the connection's context in a private field. */
public final class PlayerSocketImpl implements PlayerSocket {

    private final ChannelHandlerContext context;

    public PlayerSocketImpl(ChannelHandlerContext context) {
        this.context = context;
    }

    @Override
    public void send(String text) {
        context.writeAndFlush(text);
    }
}
