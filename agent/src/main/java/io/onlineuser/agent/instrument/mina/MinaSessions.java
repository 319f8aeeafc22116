package io.onlineuser.agent.instrument.mina;

import io.onlineuser.agent.instrument.ConnectionKind;
import io.onlineuser.agent.instrument.ListenerAddress;
import io.onlineuser.agent.instrument.ServerPorts;
import io.onlineuser.agent.instrument.ServerTransport;
import io.onlineuser.agent.instrument.SuperTypes;
import java.lang.reflect.Method;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Apache MINA 2: a connection is an {@code IoSession}; it was accepted when its service is an
 * {@code IoAcceptor}. An acceptor may be bound to several addresses: each port is a listener.
 * Called through MINA's public interfaces, found by name.
 */
public final class MinaSessions implements ConnectionKind, ServerTransport {

    public static final String TRANSPORT = "mina";
    public static final MinaSessions KIND = new MinaSessions();

    static final String SESSION = "org.apache.mina.core.session.IoSession";
    static final String ACCEPTOR = "org.apache.mina.core.service.IoAcceptor";

    private static final ClassValue<SessionMethods> SESSION_METHODS = new ClassValue<>() {
        @Override
        protected SessionMethods computeValue(Class<?> type) {
            return new SessionMethods(type);
        }
    };

    private static final ClassValue<Method> LOCAL_ADDRESSES = new ClassValue<>() {
        @Override
        protected Method computeValue(Class<?> type) {
            return SuperTypes.method(type, ACCEPTOR, "getLocalAddresses");
        }
    };

    private final ServerPorts ports = new ServerPorts();

    private MinaSessions() {
    }

    @Override
    public String name() {
        return TRANSPORT;
    }

    @Override
    public boolean holds(Class<?> type) {
        return SuperTypes.named(type, SESSION) != null;
    }

    @Override
    public Object connectionOf(Object value) {
        return value != null && SESSION_METHODS.get(value.getClass()).remoteAddress != null ? value : null;
    }

    @Override
    public SocketAddress remoteAddress(Object session) {
        return session == null ? null : (SocketAddress) SuperTypes.call(SESSION_METHODS.get(session.getClass()).remoteAddress, session);
    }

    @Override
    public boolean isOpen(Object session) {
        return session != null
                && Boolean.TRUE.equals(SuperTypes.call(SESSION_METHODS.get(session.getClass()).isConnected, session));
    }

    @Override
    public boolean close(Object session) {
        return session != null && SuperTypes.call(SESSION_METHODS.get(session.getClass()).closeNow, session) != null;
    }

    /** The session's service (its acceptor or connector), or null. */
    public Object serviceOf(Object session) {
        return session == null ? null : SuperTypes.call(SESSION_METHODS.get(session.getClass()).service, session);
    }

    @Override
    public List<ListenerAddress> listenersOf(Object service) {
        List<ListenerAddress> found = new ArrayList<>();
        if (service == null) {
            return found;
        }
        Object bound = SuperTypes.call(LOCAL_ADDRESSES.get(service.getClass()), service);
        if (bound instanceof Collection) {
            for (Object address : (Collection<?>) bound) {
                if (address instanceof InetSocketAddress) {
                    found.add(listener(service, ((InetSocketAddress) address).getPort(), (SocketAddress) address));
                }
            }
        }
        return found;
    }

    @Override
    public ListenerAddress acceptedBy(Object service, Object session) {
        if (service == null || LOCAL_ADDRESSES.get(service.getClass()) == null || session == null) {
            return null;
        }
        Object local = SuperTypes.call(SESSION_METHODS.get(session.getClass()).localAddress, session);
        int port = local instanceof InetSocketAddress ? ((InetSocketAddress) local).getPort() : -1;
        return listener(service, port, local instanceof SocketAddress ? (SocketAddress) local : null);
    }

    @Override
    public ListenerAddress closingOn(Object service, Object session) {
        ListenerAddress only = ports.soleOf(service);
        return only != null ? only : acceptedBy(service, session);
    }

    /** The listener of an acceptor's port: its bound address for that port, else {@code seen}. */
    private ListenerAddress listener(Object service, int port, SocketAddress seen) {
        return ports.of(service, port, key -> new ListenerAddress(key, boundAddress(service, port, seen),
                service.getClass().getName(), TRANSPORT, ""));
    }

    private static SocketAddress boundAddress(Object service, int port, SocketAddress seen) {
        Object bound = SuperTypes.call(LOCAL_ADDRESSES.get(service.getClass()), service);
        if (bound instanceof Collection) {
            for (Object address : (Collection<?>) bound) {
                if (address instanceof InetSocketAddress && ((InetSocketAddress) address).getPort() == port) {
                    return (SocketAddress) address;
                }
            }
        }
        return seen;
    }

    @Override
    public String toString() {
        return TRANSPORT;
    }

    /** IoSession's methods the agent calls, per session class. */
    private static final class SessionMethods {
        final Method remoteAddress;
        final Method localAddress;
        final Method isConnected;
        final Method closeNow;
        final Method service;

        SessionMethods(Class<?> type) {
            service = SuperTypes.method(type, SESSION, "getService");
            remoteAddress = SuperTypes.method(type, SESSION, "getRemoteAddress");
            localAddress = SuperTypes.method(type, SESSION, "getLocalAddress");
            isConnected = SuperTypes.method(type, SESSION, "isConnected");
            closeNow = SuperTypes.method(type, SESSION, "closeNow");
        }
    }
}
