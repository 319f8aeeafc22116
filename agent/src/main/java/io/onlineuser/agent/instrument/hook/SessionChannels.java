package io.onlineuser.agent.instrument.hook;

import io.onlineuser.agent.instrument.SuperTypes;
import io.onlineuser.agent.instrument.netty.NettyChannels;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;

/**
 * Finds a session's Netty channel without configuration: the first instance field (the class's
 * own, then its superclasses') whose declared type is a Netty {@code Channel} or
 * {@code ChannelHandlerContext}, matched by name (see {@link NettyChannels}). The field is looked
 * up once per session class.
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
        if (NettyChannels.isChannel(session)) {
            return session;
        }
        return FIELDS.get(session.getClass()).read(session);
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
                if (SuperTypes.named(candidate.getType(), NettyChannels.CHANNEL) != null) {
                    candidate.setAccessible(true);
                    return new ChannelField(candidate, null);
                }
                Class<?> context = SuperTypes.named(candidate.getType(), NettyChannels.CONTEXT);
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
