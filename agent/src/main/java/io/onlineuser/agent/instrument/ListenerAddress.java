package io.onlineuser.agent.instrument;

import java.net.SocketAddress;

/**
 * Where a transport's server listens, as a listener row shows it: the object that stands for the
 * listener (compared by identity), its local address, the server's class, the transport, and for
 * a WebSocket endpoint its path.
 */
public final class ListenerAddress {

    private final Object key;
    private final SocketAddress local;
    private final String serverClass;
    private final String transport;
    private final String path;

    public ListenerAddress(Object key, SocketAddress local, String serverClass, String transport, String path) {
        this.key = key;
        this.local = local;
        this.serverClass = serverClass;
        this.transport = transport;
        this.path = path;
    }

    public Object key() {
        return key;
    }

    /** Null when unknown. */
    public SocketAddress local() {
        return local;
    }

    public String serverClass() {
        return serverClass;
    }

    public String transport() {
        return transport;
    }

    /** Empty when the listener is a whole port. */
    public String path() {
        return path;
    }
}
