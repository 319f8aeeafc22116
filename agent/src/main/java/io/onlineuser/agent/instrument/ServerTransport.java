package io.onlineuser.agent.instrument;

import java.net.SocketAddress;
import java.util.List;

/**
 * A transport other than Netty whose servers report through the bridge's {@code serverListening},
 * {@code connectionOpened} and {@code connectionClosed}: which listeners a server has, and which
 * listener accepted a connection. Called on the host's threads: reflection on cached methods only.
 */
public interface ServerTransport {

    /** The name the added calls pass, e.g. {@code mina}. */
    String name();

    /** The listeners {@code server} has now (empty when unknown). */
    List<ListenerAddress> listenersOf(Object server);

    /** Whether a server's listeners are known when it listens; if not, each is learnt from its first connection. */
    default boolean listenersKnownAtStart() {
        return true;
    }

    /** The listener that accepted {@code connection}; null when {@code server} did not accept it (an outbound client). */
    ListenerAddress acceptedBy(Object server, Object connection);

    /**
     * The listener of a connection that is closing: {@link #acceptedBy}, unless the transport
     * knows it more cheaply (it saw the connection open).
     */
    default ListenerAddress closingOn(Object server, Object connection) {
        return acceptedBy(server, connection);
    }

    SocketAddress remoteAddress(Object connection);

    /** {@code connection} was reported closed (after {@link #acceptedBy} was asked about it a last time). */
    default void closed(Object connection) {
    }
}
