package io.onlineuser.agent.instrument.netty;

import java.lang.reflect.Method;
import java.net.SocketAddress;

/**
 * Calls on a Netty {@code Channel} of the host's own Netty, through its public interface found by
 * name (the agent cannot link against a Netty of another class loader): once per listener, after
 * a late attach once per connection already open, and on a hook's calls. Never throws.
 */
public final class NettyChannels {

    public static final String CHANNEL = "io.netty.channel.Channel";
    public static final String CONTEXT = "io.netty.channel.ChannelHandlerContext";

    private static final ClassValue<ChannelMethods> METHODS = new ClassValue<>() {
        @Override
        protected ChannelMethods computeValue(Class<?> type) {
            return new ChannelMethods(NettyTypes.named(type, CHANNEL));
        }
    };

    /** ChannelHandlerContext.channel() per context class (null when not a context). */
    private static final ClassValue<Method> CONTEXT_CHANNEL = new ClassValue<>() {
        @Override
        protected Method computeValue(Class<?> type) {
            return ChannelMethods.method(NettyTypes.named(type, CONTEXT), "channel");
        }
    };

    private NettyChannels() {
    }

    /** The channel of a Netty {@code ChannelHandlerContext}; null when {@code value} is none. */
    public static Object channelOfContext(Object value) {
        return value == null ? null : call(value, CONTEXT_CHANNEL.get(value.getClass()));
    }

    /** True when {@code object} is a Netty channel. */
    public static boolean isChannel(Object object) {
        return object != null && METHODS.get(object.getClass()).channelType != null;
    }

    public static SocketAddress localAddress(Object channel) {
        return (SocketAddress) call(channel, METHODS.get(channel.getClass()).localAddress);
    }

    /** Null for a null channel. */
    public static SocketAddress remoteAddress(Object channel) {
        return channel == null ? null : (SocketAddress) call(channel, METHODS.get(channel.getClass()).remoteAddress);
    }

    /** The channel's parent (its server channel when it was accepted), or null. */
    public static Object parent(Object channel) {
        return call(channel, METHODS.get(channel.getClass()).parent);
    }

    public static boolean isActive(Object channel) {
        return Boolean.TRUE.equals(call(channel, METHODS.get(channel.getClass()).isActive));
    }

    public static boolean isOpen(Object channel) {
        return channel != null && Boolean.TRUE.equals(call(channel, METHODS.get(channel.getClass()).isOpen));
    }

    /** Closes the channel (Netty runs the close on its event loop); true if a close was requested. */
    public static boolean close(Object channel) {
        return channel != null && call(channel, METHODS.get(channel.getClass()).close) != null;
    }

    private static Object call(Object channel, Method method) {
        if (method == null) {
            return null;
        }
        try {
            return method.invoke(channel);
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }

    private static final class ChannelMethods {
        final Class<?> channelType;
        final Method localAddress;
        final Method remoteAddress;
        final Method parent;
        final Method isActive;
        final Method isOpen;
        final Method close;

        ChannelMethods(Class<?> channelType) {
            this.channelType = channelType;
            this.localAddress = method(channelType, "localAddress");
            this.remoteAddress = method(channelType, "remoteAddress");
            this.parent = method(channelType, "parent");
            this.isActive = method(channelType, "isActive");
            this.isOpen = method(channelType, "isOpen");
            this.close = method(channelType, "close");
        }

        static Method method(Class<?> type, String name) {
            try {
                return type == null ? null : type.getMethod(name);
            } catch (NoSuchMethodException | RuntimeException e) {
                return null;
            }
        }
    }
}
