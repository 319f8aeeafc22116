package io.onlineuser.agent.instrument;

import io.onlineuser.agent.instrument.jakarta.JakartaSessions;
import io.onlineuser.agent.instrument.javawebsocket.JavaWebSockets;
import io.onlineuser.agent.instrument.mina.MinaSessions;
import io.onlineuser.agent.instrument.netty.NettyConnections;
import java.net.SocketAddress;
import java.util.List;

/**
 * Every kind of connection the agent knows, looked up once per class: what a hook's {@code session=}
 * value is, which field of an application's session holds the connection, and how to read a
 * connection's address, whether it is open, and how to close it, whatever its transport.
 */
public final class Connections {

    private static final List<ConnectionKind> KINDS = List.of(NettyConnections.KIND, MinaSessions.KIND,
            JavaWebSockets.KIND, JakartaSessions.KIND);

    private static final ClassValue<ConnectionKind> KIND_OF = new ClassValue<>() {
        @Override
        protected ConnectionKind computeValue(Class<?> type) {
            for (ConnectionKind kind : KINDS) {
                if (kind.holds(type)) {
                    return kind;
                }
            }
            return null;
        }
    };

    private Connections() {
    }

    /** Whether a field declared with {@code type} holds a connection (or leads to one). */
    public static boolean holds(Class<?> type) {
        return KIND_OF.get(type) != null;
    }

    /** The connection {@code value} is or leads to; null when it is none (or null). */
    public static Object connectionOf(Object value) {
        ConnectionKind kind = value == null ? null : KIND_OF.get(value.getClass());
        return kind == null ? null : kind.connectionOf(value);
    }

    /** Null for null or an unknown object. */
    public static SocketAddress remoteAddress(Object connection) {
        ConnectionKind kind = connection == null ? null : KIND_OF.get(connection.getClass());
        return kind == null ? null : kind.remoteAddress(connection);
    }

    public static boolean isOpen(Object connection) {
        ConnectionKind kind = connection == null ? null : KIND_OF.get(connection.getClass());
        return kind != null && kind.isOpen(connection);
    }

    public static boolean close(Object connection) {
        ConnectionKind kind = connection == null ? null : KIND_OF.get(connection.getClass());
        return kind != null && kind.close(connection);
    }
}
