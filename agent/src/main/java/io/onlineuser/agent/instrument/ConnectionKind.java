package io.onlineuser.agent.instrument;

import java.net.SocketAddress;

/**
 * One transport's connection objects as hooks and kicks meet them: a Netty {@code Channel}, a MINA
 * {@code IoSession}, a Java-WebSocket {@code WebSocket}, a {@code jakarta.websocket.Session}.
 * Matched by type name and called through reflection: the application's framework may come from a
 * class loader the agent cannot see. No method throws.
 */
public interface ConnectionKind {

    /** Whether values of {@code type} are this kind's connections or objects that lead to one (a Netty context). */
    boolean holds(Class<?> type);

    /** The connection {@code value} is or leads to; null when it is none of this kind's. */
    Object connectionOf(Object value);

    /** The peer's address; null when unknown. */
    SocketAddress remoteAddress(Object connection);

    boolean isOpen(Object connection);

    /** Closes the connection; true if a close was requested. */
    boolean close(Object connection);
}
