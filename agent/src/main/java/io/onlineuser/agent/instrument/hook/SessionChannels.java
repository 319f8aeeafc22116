package io.onlineuser.agent.instrument.hook;

import io.onlineuser.agent.instrument.Connections;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;

/**
 * Finds a session's connection without configuration: the first instance field (the class's
 * own, then its superclasses') whose declared type is a connection of a known transport (a Netty
 * {@code Channel} or {@code ChannelHandlerContext}, a MINA {@code IoSession}, a Java-WebSocket
 * {@code WebSocket}, a {@code jakarta.websocket.Session}), matched by name (see
 * {@link Connections}). The field is looked up once per session class.
 */
public final class SessionChannels {

    private static final ClassValue<ChannelField> FIELDS = new ClassValue<>() {
        @Override
        protected ChannelField computeValue(Class<?> type) {
            return ChannelField.find(type);
        }
    };

    private SessionChannels() {
    }

    /** The channel the session holds (itself, if it is one), or null (then the session ends only on unbind). */
    public static Object channelOf(Object session) {
        if (session == null) {
            return null;
        }
        Object connection = Connections.connectionOf(session);
        if (connection != null) {
            return connection;
        }
        return FIELDS.get(session.getClass()).read(session);
    }

    /** The field of a session class that holds its channel or context; {@link #NONE} when there is none. */
    private static final class ChannelField {
        static final ChannelField NONE = new ChannelField(null);

        private final Field field;

        private ChannelField(Field field) {
            this.field = field;
        }

        static ChannelField find(Class<?> type) {
            for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
                for (Field candidate : c.getDeclaredFields()) {
                    if (Modifier.isStatic(candidate.getModifiers()) || candidate.getType().isPrimitive()) {
                        continue;
                    }
                    ChannelField found = of(candidate);
                    if (found != null) {
                        return found;
                    }
                }
            }
            return NONE;
        }

        private static ChannelField of(Field candidate) {
            try {
                if (Connections.holds(candidate.getType())) {
                    candidate.setAccessible(true);
                    return new ChannelField(candidate);
                }
            } catch (RuntimeException e) {
                // inaccessible field: keep looking at the others
            }
            return null;
        }

        Object read(Object session) {
            if (field == null) {
                return null;
            }
            try {
                return Connections.connectionOf(field.get(session));
            } catch (ReflectiveOperationException | RuntimeException e) {
                return null;
            }
        }
    }
}
