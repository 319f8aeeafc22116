package io.onlineuser.agent.instrument.hook;

import io.onlineuser.agent.instrument.Connections;
import io.onlineuser.agent.instrument.netty.ChannelIds;
import io.onlineuser.agent.instrument.netty.ConnectionKeys;
import io.onlineuser.agent.instrument.netty.RemoteAddresses;
import java.net.SocketAddress;

/**
 * What the value of a {@code session=} path stands for, as the key the tracker keeps the session
 * under. An application object is the session itself (tracked by identity). A connection of any
 * transport (a Netty {@code Channel} or {@code ChannelHandlerContext}, a MINA {@code IoSession}, a
 * Java-WebSocket {@code WebSocket}, a {@code jakarta.websocket.Session}), a Netty {@code ChannelId}, a channel id's text (short
 * or long form) or the connection's remote {@code SocketAddress} names a connection: the session
 * is then keyed by that connection's channel, so a bind and a later unbind that pass the
 * connection in different forms still meet.
 */
final class SessionKeys {

    private final ConnectionKeys connections;

    SessionKeys(ConnectionKeys connections) {
        this.connections = connections;
    }

    /**
     * The session key for {@code value}; {@code path} (where it came from) is for messages.
     *
     * @return null when the value names a connection that is not open (any more)
     * @throws PathException when the value cannot stand for a session
     */
    Object keyOf(Object value, Object path) throws PathException {
        if (value == null) {
            throw new PathException("session=" + path + " gave null");
        }
        Object connection = Connections.connectionOf(value);
        if (connection != null) {
            return connection;
        }
        if (ChannelIds.isChannelId(value)) {
            return connections.byIdText(ChannelIds.shortText(value));
        }
        if (value instanceof CharSequence) {
            return byIdText(value.toString());
        }
        if (value instanceof SocketAddress) {
            return connections.byRemoteAddress(RemoteAddresses.format((SocketAddress) value));
        }
        if (value instanceof Number || value instanceof Boolean || value instanceof Character || value instanceof Enum) {
            throw new PathException("session=" + path + " gave " + value.getClass().getName() + " '" + value
                    + "', which cannot stand for a session: it must be the application's session object, a"
                    + " connection (a Netty Channel or ChannelHandlerContext, a MINA IoSession, a Java-WebSocket WebSocket,"
                    + " a jakarta.websocket.Session), a Netty ChannelId, a channel id's text or the connection's remote"
                    + " address");
        }
        return value;
    }

    /** The open channel whose id has this text, short or long (the long text ends with the short one). */
    private Object byIdText(String text) {
        String shortText = ChannelIds.shortTextOf(text);
        Object channel = connections.byIdText(shortText);
        if (channel != null && !text.equals(shortText) && !text.equals(ChannelIds.longTextOfChannel(channel))) {
            return null;
        }
        return channel;
    }
}
