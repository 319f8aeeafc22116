package io.onlineuser.agent.instrument;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The listener of a server that listens on several ports (a MINA acceptor bound to more than one
 * address) or serves several WebSocket endpoints (a Jakarta container): one {@link ListenerAddress}
 * per server (by identity), port and endpoint path, made once. Servers are few and long-lived;
 * their entries stay.
 */
public final class ServerPorts {

    private final Map<Key, ListenerAddress> listeners = new ConcurrentHashMap<>();
    /** The only listener made so far, while there is one (the usual server: one port), else null. */
    private volatile ListenerAddress sole;
    private volatile Object soleServer;

    /** The listener of {@code server} on {@code port}, made by {@code describe} (given its key) the first time. */
    public ListenerAddress of(Object server, int port, Function<Object, ListenerAddress> describe) {
        return of(server, port, "", describe);
    }

    /** The listener of {@code server}'s endpoint {@code path} on {@code port}, made as above. */
    public ListenerAddress of(Object server, int port, String path, Function<Object, ListenerAddress> describe) {
        Key key = new Key(server, port, path);
        ListenerAddress known = listeners.get(key);
        return known != null ? known : made(server, listeners.computeIfAbsent(key, describe::apply));
    }

    private synchronized ListenerAddress made(Object server, ListenerAddress listener) {
        boolean one = listeners.size() == 1;
        soleServer = one ? server : null;
        sole = one ? listener : null;
        return listener;
    }

    /**
     * The listener of a connection {@code server} accepted, without asking the connection, when the
     * transport has one listener only: a connection's open made its listener before its close.
     * Null when there are several (then ask the connection).
     */
    public ListenerAddress soleOf(Object server) {
        ListenerAddress only = sole;
        return only != null && soleServer == server ? only : null;
    }

    /** A server, port and path, compared by the server's identity. */
    private static final class Key {
        private final Object server;
        private final int port;
        private final String path;

        Key(Object server, int port, String path) {
            this.server = server;
            this.port = port;
            this.path = path;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key && ((Key) other).server == server && ((Key) other).port == port
                    && ((Key) other).path.equals(path);
        }

        @Override
        public int hashCode() {
            return (System.identityHashCode(server) * 31 + port) * 31 + path.hashCode();
        }
    }
}
