package io.onlineuser.agent.instrument.netty;

import java.lang.reflect.Method;

/**
 * Netty channel ids through reflection ({@code Channel#id()}, {@code ChannelId#asShortText()},
 * {@code #asLongText()}), by name, because the application's Netty may come from a class loader
 * the agent cannot see. Methods are looked up once per class, through Netty's public interfaces
 * (implementation classes may be package-private). The long text of Netty's default id ends with
 * {@code -} and its short text.
 */
public final class ChannelIds {

    static final String CHANNEL = "io.netty.channel.Channel";
    static final String CHANNEL_ID = "io.netty.channel.ChannelId";

    private static final ClassValue<Method> ID_OF_CHANNEL = new ClassValue<>() {
        @Override
        protected Method computeValue(Class<?> type) {
            return interfaceMethod(type, CHANNEL, "id");
        }
    };

    private static final ClassValue<Method> SHORT_TEXT = new ClassValue<>() {
        @Override
        protected Method computeValue(Class<?> type) {
            return interfaceMethod(type, CHANNEL_ID, "asShortText");
        }
    };

    private static final ClassValue<Method> LONG_TEXT = new ClassValue<>() {
        @Override
        protected Method computeValue(Class<?> type) {
            return interfaceMethod(type, CHANNEL_ID, "asLongText");
        }
    };

    private ChannelIds() {
    }

    /** True for a Netty {@code ChannelId}. */
    public static boolean isChannelId(Object value) {
        return value != null && SHORT_TEXT.get(value.getClass()) != null;
    }

    /** The short text of the channel's id, or null when {@code channel} is not a Netty channel. */
    public static String shortTextOfChannel(Object channel) {
        return channel == null ? null : shortText(invoke(ID_OF_CHANNEL.get(channel.getClass()), channel));
    }

    /** The long text of the channel's id, or null. */
    public static String longTextOfChannel(Object channel) {
        Object id = channel == null ? null : invoke(ID_OF_CHANNEL.get(channel.getClass()), channel);
        return id == null ? null : (String) invoke(LONG_TEXT.get(id.getClass()), id);
    }

    /** {@code id.asShortText()}, or null when {@code id} is not a Netty channel id. */
    public static String shortText(Object id) {
        return id == null ? null : (String) invoke(SHORT_TEXT.get(id.getClass()), id);
    }

    /** The short text a long text ends with (after its last {@code -}); the text itself when it has none. */
    public static String shortTextOf(String text) {
        return text.substring(text.lastIndexOf('-') + 1);
    }

    private static Object invoke(Method method, Object target) {
        if (method == null) {
            return null;
        }
        try {
            return method.invoke(target);
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }

    private static Method interfaceMethod(Class<?> type, String interfaceName, String name) {
        Class<?> owner = NettyTypes.named(type, interfaceName);
        try {
            return owner == null ? null : owner.getMethod(name);
        } catch (NoSuchMethodException | RuntimeException e) {
            return null;
        }
    }
}
