package io.onlineuser.agent.instrument.javawebsocket;

import io.onlineuser.agent.instrument.ConnectionKind;
import io.onlineuser.agent.instrument.ListenerAddress;
import io.onlineuser.agent.instrument.ServerTransport;
import io.onlineuser.agent.instrument.SuperTypes;
import java.lang.reflect.Method;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Java-WebSocket ({@code org.java_websocket}): a connection is a {@code WebSocket} accepted by a
 * {@code WebSocketServer}, which listens on one address: the server is the listener.
 */
public final class JavaWebSockets implements ConnectionKind, ServerTransport {

    public static final String TRANSPORT = "java-websocket";
    public static final JavaWebSockets KIND = new JavaWebSockets();

    static final String SERVER = "org.java_websocket.server.WebSocketServer";
    static final String WEB_SOCKET = "org.java_websocket.WebSocket";

    private static final ClassValue<SocketMethods> SOCKET_METHODS = new ClassValue<>() {
        @Override
        protected SocketMethods computeValue(Class<?> type) {
            return new SocketMethods(type);
        }
    };

    /** Servers are few; each one's row is made once, when it first listens or accepts. */
    private final Map<Object, ListenerAddress> servers = new ConcurrentHashMap<>();

    private JavaWebSockets() {
    }

    @Override
    public String name() {
        return TRANSPORT;
    }

    @Override
    public boolean holds(Class<?> type) {
        return SuperTypes.named(type, WEB_SOCKET) != null;
    }

    @Override
    public Object connectionOf(Object value) {
        return value != null && SOCKET_METHODS.get(value.getClass()).remoteAddress != null ? value : null;
    }

    @Override
    public SocketAddress remoteAddress(Object socket) {
        return socket == null ? null : (SocketAddress) SuperTypes.call(SOCKET_METHODS.get(socket.getClass()).remoteAddress, socket);
    }

    @Override
    public boolean isOpen(Object socket) {
        return socket != null && Boolean.TRUE.equals(SuperTypes.call(SOCKET_METHODS.get(socket.getClass()).isOpen, socket));
    }

    @Override
    public boolean close(Object socket) {
        Method close = socket == null ? null : SOCKET_METHODS.get(socket.getClass()).close;
        if (close == null) {
            return false;
        }
        try {
            close.invoke(socket);
            return true;
        } catch (ReflectiveOperationException | RuntimeException e) {
            return false;
        }
    }

    @Override
    public List<ListenerAddress> listenersOf(Object server) {
        return server == null ? List.of() : List.of(listener(server));
    }

    @Override
    public ListenerAddress acceptedBy(Object server, Object socket) {
        return server == null ? null : listener(server);
    }

    private ListenerAddress listener(Object server) {
        ListenerAddress known = servers.get(server);
        return known != null ? known : servers.computeIfAbsent(server, key -> new ListenerAddress(key,
                localAddress(key), key.getClass().getName(), TRANSPORT, ""));
    }

    /** The configured address with the port it listens on (the bound one when port 0 was asked for). */
    private static SocketAddress localAddress(Object server) {
        Object address = SuperTypes.call(SuperTypes.method(server.getClass(), SERVER, "getAddress"), server);
        Object port = SuperTypes.call(SuperTypes.method(server.getClass(), SERVER, "getPort"), server);
        if (address instanceof InetSocketAddress && port instanceof Integer) {
            InetSocketAddress configured = (InetSocketAddress) address;
            return configured.getAddress() == null ? configured : new InetSocketAddress(configured.getAddress(), (Integer) port);
        }
        return address instanceof SocketAddress ? (SocketAddress) address : null;
    }

    @Override
    public String toString() {
        return TRANSPORT;
    }

    /** WebSocket's methods the agent calls, per connection class. */
    private static final class SocketMethods {
        final Method remoteAddress;
        final Method isOpen;
        final Method close;

        SocketMethods(Class<?> type) {
            remoteAddress = SuperTypes.method(type, WEB_SOCKET, "getRemoteSocketAddress");
            isOpen = SuperTypes.method(type, WEB_SOCKET, "isOpen");
            close = SuperTypes.method(type, WEB_SOCKET, "close");
        }
    }
}
