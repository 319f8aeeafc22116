package io.onlineuser.agent.instrument.hook;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.SocketAddress;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Set;

/**
 * Finds a session's Netty channel without configuration: the first instance field (the class's
 * own, then its superclasses') whose declared type is a Netty {@code Channel} or
 * {@code ChannelHandlerContext}. Netty types are matched by name, through reflection, because the
 * application's Netty may come from a class loader the agent cannot see. The field is looked up
 * once per session class.
 */
public final class SessionChannels {

    static final String CHANNEL = "io.netty.channel.Channel";
    static final String CONTEXT = "io.netty.channel.ChannelHandlerContext";

    private static final ClassValue<ChannelField> FIELDS = new ClassValue<>() {
        @Override
        protected ChannelField computeValue(Class<?> type) {
            return ChannelField.find(type);
        }
    };

    private static final ClassValue<Class<?>> CHANNEL_INTERFACES = new ClassValue<>() {
        @Override
        protected Class<?> computeValue(Class<?> type) {
            return namedSuperType(type, CHANNEL);
        }
    };

    private SessionChannels() {
    }

    /** The channel the session holds, or null (then the session ends only on unbind). */
    public static Object channelOf(Object session) {
        if (session == null) {
            return null;
        }
        if (CHANNEL_INTERFACES.get(session.getClass()) != null) {
            return session;
        }
        return FIELDS.get(session.getClass()).read(session);
    }

    /** The channel's remote address, or null when unknown. */
    public static SocketAddress remoteAddress(Object channel) {
        Object address = invokeChannelMethod(channel, "remoteAddress");
        return address instanceof SocketAddress ? (SocketAddress) address : null;
    }

    /** Closes the channel (Netty runs the close on its event loop); true if a close was requested. */
    public static boolean close(Object channel) {
        return channel != null && invokeChannelMethod(channel, "close") != null;
    }

    private static Object invokeChannelMethod(Object channel, String name) {
        if (channel == null) {
            return null;
        }
        Class<?> channelType = CHANNEL_INTERFACES.get(channel.getClass());
        if (channelType == null) {
            return null;
        }
        try {
            // through the public interface: implementation classes may be package-private
            return channelType.getMethod(name).invoke(channel);
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }

    static boolean implementsNamed(Class<?> type, String name) {
        return namedSuperType(type, name) != null;
    }

    /** The class or interface called {@code name} among {@code type}'s supertypes (itself included). */
    static Class<?> namedSuperType(Class<?> type, String name) {
        Deque<Class<?>> pending = new ArrayDeque<>();
        Set<Class<?>> seen = new HashSet<>();
        pending.add(type);
        while (!pending.isEmpty()) {
            Class<?> current = pending.poll();
            if (!seen.add(current)) {
                continue;
            }
            if (current.getName().equals(name)) {
                return current;
            }
            if (current.getSuperclass() != null) {
                pending.add(current.getSuperclass());
            }
            for (Class<?> parent : current.getInterfaces()) {
                pending.add(parent);
            }
        }
        return null;
    }

    /** The field of a session class that holds its channel or context; {@link #NONE} when there is none. */
    private static final class ChannelField {
        static final ChannelField NONE = new ChannelField(null, null);

        private final Field field;
        private final Method contextChannel;

        private ChannelField(Field field, Method contextChannel) {
            this.field = field;
            this.contextChannel = contextChannel;
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
                if (implementsNamed(candidate.getType(), CHANNEL)) {
                    candidate.setAccessible(true);
                    return new ChannelField(candidate, null);
                }
                Class<?> context = namedSuperType(candidate.getType(), CONTEXT);
                if (context != null) {
                    candidate.setAccessible(true);
                    return new ChannelField(candidate, context.getMethod("channel"));
                }
            } catch (ReflectiveOperationException | RuntimeException e) {
                // inaccessible field: keep looking at the others
            }
            return null;
        }

        Object read(Object session) {
            if (field == null) {
                return null;
            }
            try {
                Object value = field.get(session);
                return value == null || contextChannel == null ? value : contextChannel.invoke(value);
            } catch (ReflectiveOperationException | RuntimeException e) {
                return null;
            }
        }
    }
}
