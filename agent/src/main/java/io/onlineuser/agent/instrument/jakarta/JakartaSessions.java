package io.onlineuser.agent.instrument.jakarta;

import io.onlineuser.agent.instrument.ConnectionKind;
import io.onlineuser.agent.instrument.SuperTypes;
import java.lang.reflect.Method;
import java.net.SocketAddress;

/**
 * Jakarta WebSocket: a connection is a {@code jakarta.websocket.Session}. The API gives no peer
 * address; a container's session class that has a public {@code getRemoteAddress()} (Jetty's)
 * gives it.
 */
public final class JakartaSessions implements ConnectionKind {

    public static final String TRANSPORT = "jakarta-websocket";
    public static final JakartaSessions KIND = new JakartaSessions();

    static final String SESSION = "jakarta.websocket.Session";

    private static final ClassValue<SessionMethods> METHODS = new ClassValue<>() {
        @Override
        protected SessionMethods computeValue(Class<?> type) {
            return new SessionMethods(type);
        }
    };

    private JakartaSessions() {
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
        Object address = session == null ? null : SuperTypes.call(METHODS.get(session.getClass()).remoteAddress, session);
        return address instanceof SocketAddress ? (SocketAddress) address : null;
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

    /** Session's methods the agent calls, per session class. */
    private static final class SessionMethods {
        final Method isOpen;
        final Method close;
        final Method remoteAddress;

        SessionMethods(Class<?> type) {
            isOpen = SuperTypes.method(type, SESSION, "isOpen");
            close = SuperTypes.method(type, SESSION, "close");
            remoteAddress = isOpen == null ? null : publicMethod(type, "getRemoteAddress");
        }

        private static Method publicMethod(Class<?> type, String name) {
            try {
                Method method = type.getMethod(name);
                method.setAccessible(true);
                return method;
            } catch (NoSuchMethodException | RuntimeException e) {
                return null;
            }
        }
    }
}
