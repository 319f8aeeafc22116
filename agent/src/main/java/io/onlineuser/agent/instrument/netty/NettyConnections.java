package io.onlineuser.agent.instrument.netty;

import io.onlineuser.agent.instrument.ConnectionKind;
import java.net.SocketAddress;

/** Netty's connections for hooks and kicks: a {@code Channel}, or a {@code ChannelHandlerContext} for its channel. */
public final class NettyConnections implements ConnectionKind {

    public static final NettyConnections KIND = new NettyConnections();

    private NettyConnections() {
    }

    @Override
    public boolean holds(Class<?> type) {
        return NettyTypes.named(type, NettyChannels.CHANNEL) != null || NettyTypes.named(type, NettyChannels.CONTEXT) != null;
    }

    @Override
    public Object connectionOf(Object value) {
        return NettyChannels.isChannel(value) ? value : NettyChannels.channelOfContext(value);
    }

    @Override
    public SocketAddress remoteAddress(Object connection) {
        return NettyChannels.remoteAddress(connection);
    }

    @Override
    public boolean isOpen(Object connection) {
        return NettyChannels.isOpen(connection);
    }

    @Override
    public boolean close(Object connection) {
        return NettyChannels.close(connection);
    }
}
