package io.onlineuser.agent.instrument.jakarta;

import io.onlineuser.agent.instrument.ConnectionKind;
import io.onlineuser.agent.instrument.ListenerAddress;
import io.onlineuser.agent.instrument.ServerPorts;
import io.onlineuser.agent.instrument.ServerTransport;
import io.onlineuser.agent.instrument.SuperTypes;
import java.lang.reflect.Method;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Jakarta WebSocket: a connection is a {@code jakarta.websocket.Session}. It was accepted when its
 * endpoint is a server endpoint (its configuration a {@code ServerEndpointConfig}); a session the
 * container opened as a client is not. Each endpoint path of a container, on each port, is a
 * listener. The peer and local addresses come from the container's classes ({@link ContainerSession}).
 */
public final class JakartaSessions implements ConnectionKind, ServerTransport {

    public static final String TRANSPORT = "jakarta-websocket";
    public static final JakartaSessions KIND = new JakartaSessions();

    static final String SESSION = "jakarta.websocket.Session";
    private static final String SERVER_CONFIG = "jakarta.websocket.server.ServerEndpointConfig";

    private static final ClassValue<SessionMethods> METHODS = new ClassValue<>() {
        @Override
        protected SessionMethods computeValue(Class<?> type) {
            return new SessionMethods(type);
        }
    };

    /** {@code ServerEndpointConfig.getPath}, per configuration class; null for other configurations. */
    private static final ClassValue<Method> SERVER_PATH = new ClassValue<>() {
        @Override
        protected Method computeValue(Class<?> type) {
            return SuperTypes.method(type, SERVER_CONFIG, "getPath");
        }
    };

    private final ServerPorts endpoints = new ServerPorts();
    /**
     * The endpoint of each open server session, as found when it opened: a closed socket no
     * longer says its local port. Sessions do not override {@code equals}: compared by identity.
     */
    private final Map<Object, ListenerAddress> open = new ConcurrentHashMap<>();

    private JakartaSessions() {
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
        return value != null && METHODS.get(value.getClass()).isOpen != null ? value : null;
    }

    @Override
    public SocketAddress remoteAddress(Object session) {
        return ContainerSession.of(session).remoteAddress(session);
    }

    @Override
    public boolean isOpen(Object session) {
        return session != null && Boolean.TRUE.equals(SuperTypes.call(METHODS.get(session.getClass()).isOpen, session));
    }

    @Override
    public boolean close(Object session) {
        Method close = session == null ? null : METHODS.get(session.getClass()).close;
        if (close == null) {
            return false;
        }
        try {
            close.invoke(session);
            return true;
        } catch (ReflectiveOperationException | RuntimeException e) {
            return false;
        }
    }

    /** Endpoints are deployed before the container says which port serves them: rows come with sessions. */
    @Override
    public List<ListenerAddress> listenersOf(Object container) {
        return List.of();
    }

    @Override
    public boolean listenersKnownAtStart() {
        return false;
    }

    /** The endpoint (container, port, path) of a server session; null for a client session. */
    @Override
    public ListenerAddress acceptedBy(Object server, Object session) {
        if (session == null) {
            return null;
        }
        ListenerAddress known = open.get(session);
        if (known != null) {
            return known;
        }
        ListenerAddress found = endpointOf(session);
        if (found != null && isOpen(session)) {
            open.put(session, found);
        }
        return found;
    }

    @Override
    public void closed(Object session) {
        open.remove(session);
    }

    private ListenerAddress endpointOf(Object session) {
        ContainerSession container = ContainerSession.of(session);
        Object config = container.endpointConfig(session);
        Object path = config == null ? null : SuperTypes.call(SERVER_PATH.get(config.getClass()), config);
        if (!(path instanceof String)) {
            return null;
        }
        Object owner = SuperTypes.call(METHODS.get(session.getClass()).container, session);
        SocketAddress local = container.localAddress(session);
        int port = local instanceof InetSocketAddress ? ((InetSocketAddress) local).getPort() : -1;
        Object key = owner != null ? owner : config;
        return endpoints.of(key, port, (String) path,
                made -> new ListenerAddress(made, local, key.getClass().getName(), TRANSPORT, (String) path));
    }

    @Override
    public String toString() {
        return TRANSPORT;
    }

    /** Session's methods the agent calls, per session class. */
    private static final class SessionMethods {
        final Method isOpen;
        final Method close;
        final Method container;

        SessionMethods(Class<?> type) {
            isOpen = SuperTypes.method(type, SESSION, "isOpen");
            close = SuperTypes.method(type, SESSION, "close");
            container = SuperTypes.method(type, SESSION, "getContainer");
        }
    }
}
