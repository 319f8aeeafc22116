package io.onlineuser.agent.instrument.jakarta;

import io.onlineuser.agent.instrument.SuperTypes;
import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;

/**
 * What the Jakarta API does not give about a session, read from its container's classes: the peer
 * and local addresses and the endpoint's configuration. Tomcat keeps the socket in
 * {@code WsSession.wsRemoteEndpoint.socketWrapper} (private fields, read by reflection); Jetty's
 * session gives its core session and frame handler publicly. Other containers' sessions give
 * nothing here (and are not counted). Looked up once per class; no method throws.
 */
abstract class ContainerSession {

    static final ContainerSession NONE = new ContainerSession() {
    };

    private static final ClassValue<ContainerSession> OF_CLASS = new ClassValue<>() {
        @Override
        protected ContainerSession computeValue(Class<?> type) {
            Class<?> tomcat = SuperTypes.named(type, JakartaCalls.TOMCAT_SESSION);
            if (tomcat != null) {
                return new Tomcat(tomcat);
            }
            Class<?> jetty = SuperTypes.named(type, JakartaCalls.JETTY_SESSION);
            return jetty != null ? new Jetty(jetty) : NONE;
        }
    };

    static ContainerSession of(Object session) {
        return session == null ? NONE : OF_CLASS.get(session.getClass());
    }

    SocketAddress remoteAddress(Object session) {
        return null;
    }

    SocketAddress localAddress(Object session) {
        return null;
    }

    /** The session's {@code EndpointConfig}; null when unknown. */
    Object endpointConfig(Object session) {
        return null;
    }

    static Field field(Class<?> type, String name) {
        try {
            Field field = type.getDeclaredField(name);
            field.setAccessible(true);
            return field;
        } catch (NoSuchFieldException | RuntimeException e) {
            return null;
        }
    }

    static Object read(Field field, Object target) {
        if (field == null || target == null) {
            return null;
        }
        try {
            return field.get(target);
        } catch (IllegalAccessException | RuntimeException e) {
            return null;
        }
    }

    /** Tomcat's {@code WsSession}: the socket of a server session's {@code WsRemoteEndpointImplServer}. */
    private static final class Tomcat extends ContainerSession {
        private static final String SOCKET_WRAPPER = "org.apache.tomcat.util.net.SocketWrapperBase";
        /** The remote endpoint's {@code socketWrapper} field, per remote endpoint class (clients have none). */
        private static final ClassValue<Field> SOCKET_FIELD = new ClassValue<>() {
            @Override
            protected Field computeValue(Class<?> type) {
                return field(type, "socketWrapper");
            }
        };
        private static final ClassValue<Method[]> SOCKET_METHODS = new ClassValue<>() {
            @Override
            protected Method[] computeValue(Class<?> type) {
                return new Method[] {SuperTypes.method(type, SOCKET_WRAPPER, "getRemoteAddr"),
                        SuperTypes.method(type, SOCKET_WRAPPER, "getRemotePort"),
                        SuperTypes.method(type, SOCKET_WRAPPER, "getLocalAddr"),
                        SuperTypes.method(type, SOCKET_WRAPPER, "getLocalPort")};
            }
        };

        private final Field remoteEndpoint;
        private final Field endpointConfig;

        Tomcat(Class<?> wsSession) {
            remoteEndpoint = field(wsSession, "wsRemoteEndpoint");
            endpointConfig = field(wsSession, "endpointConfig");
        }

        @Override
        SocketAddress remoteAddress(Object session) {
            return address(session, 0);
        }

        @Override
        SocketAddress localAddress(Object session) {
            return address(session, 2);
        }

        @Override
        Object endpointConfig(Object session) {
            return read(endpointConfig, session);
        }

        /** The address (methods {@code first}, {@code first + 1}: ip text and port) of the session's socket. */
        private SocketAddress address(Object session, int first) {
            Object endpoint = read(remoteEndpoint, session);
            Object socket = endpoint == null ? null : read(SOCKET_FIELD.get(endpoint.getClass()), endpoint);
            if (socket == null) {
                return null;
            }
            Method[] methods = SOCKET_METHODS.get(socket.getClass());
            Object ip = SuperTypes.call(methods[first], socket);
            Object port = SuperTypes.call(methods[first + 1], socket);
            if (!(ip instanceof String) || !(port instanceof Integer)) {
                return null;
            }
            try {
                // the text is an address literal, so no name is looked up
                return new InetSocketAddress(InetAddress.getByName((String) ip), (Integer) port);
            } catch (IOException | RuntimeException e) {
                return null;
            }
        }
    }

    /** Jetty's {@code JakartaWebSocketSession}: its {@code CoreSession} and frame handler. */
    private static final class Jetty extends ContainerSession {
        private static final String CORE_SESSION = "org.eclipse.jetty.websocket.core.CoreSession";
        private static final ClassValue<Method[]> CORE_METHODS = new ClassValue<>() {
            @Override
            protected Method[] computeValue(Class<?> type) {
                return new Method[] {SuperTypes.method(type, CORE_SESSION, "getRemoteAddress"),
                        SuperTypes.method(type, CORE_SESSION, "getLocalAddress")};
            }
        };
        private static final ClassValue<Method> ENDPOINT_CONFIG = new ClassValue<>() {
            @Override
            protected Method computeValue(Class<?> type) {
                return SuperTypes.method(type, type.getName(), "getEndpointConfig");
            }
        };

        private final Method coreSession;
        private final Method frameHandler;

        Jetty(Class<?> session) {
            coreSession = SuperTypes.method(session, session.getName(), "getCoreSession");
            frameHandler = SuperTypes.method(session, session.getName(), "getFrameHandler");
        }

        @Override
        SocketAddress remoteAddress(Object session) {
            return coreAddress(session, 0);
        }

        @Override
        SocketAddress localAddress(Object session) {
            return coreAddress(session, 1);
        }

        @Override
        Object endpointConfig(Object session) {
            Object handler = SuperTypes.call(frameHandler, session);
            return handler == null ? null : SuperTypes.call(ENDPOINT_CONFIG.get(handler.getClass()), handler);
        }

        private SocketAddress coreAddress(Object session, int which) {
            Object core = SuperTypes.call(coreSession, session);
            Object address = core == null ? null : SuperTypes.call(CORE_METHODS.get(core.getClass())[which], core);
            return address instanceof SocketAddress ? (SocketAddress) address : null;
        }
    }
}
