package io.onlineuser.agent.instrument.hook;

import io.onlineuser.agent.instrument.SuperTypes;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.SocketAddress;

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
            return SuperTypes.named(type, CHANNEL);
        }
    };

    /** Channel.remoteAddress() through the public interface, per channel class (null when not a channel). */
    private static final ClassValue<Method> REMOTE_ADDRESS = new ClassValue<>() {
        @Override
        protected Method computeValue(Class<?> type) {
            Class<?> channelType = CHANNEL_INTERFACES.get(type);
            try {
                return channelType == null ? null : channelType.getMethod("remoteAddress");
            } catch (NoSuchMethodException | RuntimeException e) {
                return null;
            }
        }
    };

    /** ChannelHandlerContext.channel() through the public interface, per context class (null when not a context). */
    private static final ClassValue<Method> CONTEXT_CHANNEL = new ClassValue<>() {
        @Override
        protected Method computeValue(Class<?> type) {
            Class<?> contextType = SuperTypes.named(type, CONTEXT);
            try {
                return contextType == null ? null : contextType.getMethod("channel");
            } catch (NoSuchMethodException | RuntimeException e) {
                return null;
            }
        }
    };

    private SessionChannels() {
    }

    /** True for a Netty {@code Channel}. */
    public static boolean isChannel(Object value) {
        return value != null && CHANNEL_INTERFACES.get(value.getClass()) != null;
    }

    /** The channel of a Netty {@code ChannelHandlerContext}; null when {@code value} is none. */
    public static Object channelOfContext(Object value) {
        Method channel = value == null ? null : CONTEXT_CHANNEL.get(value.getClass());
        try {
            return channel == null ? null : channel.invoke(value);
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }

    /** Whether the channel is still open ({@code Channel#isOpen}). */
    public static boolean isOpen(Object channel) {
        return Boolean.TRUE.equals(invokeChannelMethod(channel, "isOpen"));
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

    /** The channel's remote address, or null when unknown. Called on every login: the method is looked up once. */
    public static SocketAddress remoteAddress(Object channel) {
        if (channel == null) {
            return null;
        }
        Method method = REMOTE_ADDRESS.get(channel.getClass());
        try {
            Object address = method == null ? null : method.invoke(channel);
            return address instanceof SocketAddress ? (SocketAddress) address : null;
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
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
                if (SuperTypes.named(candidate.getType(), CHANNEL) != null) {
                    candidate.setAccessible(true);
                    return new ChannelField(candidate, null);
                }
                Class<?> context = SuperTypes.named(candidate.getType(), CONTEXT);
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
