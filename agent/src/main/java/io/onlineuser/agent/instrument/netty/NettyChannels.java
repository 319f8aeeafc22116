package io.onlineuser.agent.instrument.netty;

import io.onlineuser.agent.instrument.SuperTypes;
import java.lang.reflect.Method;
import java.net.SocketAddress;

/**
 * Calls on a Netty {@code Channel} of the host's own Netty, through its public interface found by
 * name (the agent cannot link against a Netty of another class loader). Off the hot path: used
 * once per listener and, after a late attach, once per connection already open. Never throws.
 */
public final class NettyChannels {

    static final String CHANNEL = "io.netty.channel.Channel";

    private static final ClassValue<ChannelMethods> METHODS = new ClassValue<>() {
        @Override
        protected ChannelMethods computeValue(Class<?> type) {
            return new ChannelMethods(SuperTypes.named(type, CHANNEL));
        }
    };

    private NettyChannels() {
    }

    /** True when {@code object} is a Netty channel. */
    public static boolean isChannel(Object object) {
        return object != null && METHODS.get(object.getClass()).channelType != null;
    }

    public static SocketAddress localAddress(Object channel) {
        return (SocketAddress) call(channel, METHODS.get(channel.getClass()).localAddress);
    }

    public static SocketAddress remoteAddress(Object channel) {
        return (SocketAddress) call(channel, METHODS.get(channel.getClass()).remoteAddress);
    }

    /** The channel's parent (its server channel when it was accepted), or null. */
    public static Object parent(Object channel) {
        return call(channel, METHODS.get(channel.getClass()).parent);
    }

    public static boolean isActive(Object channel) {
        return Boolean.TRUE.equals(call(channel, METHODS.get(channel.getClass()).isActive));
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

        ChannelMethods(Class<?> channelType) {
            this.channelType = channelType;
            this.localAddress = method(channelType, "localAddress");
            this.remoteAddress = method(channelType, "remoteAddress");
            this.parent = method(channelType, "parent");
            this.isActive = method(channelType, "isActive");
        }

        private static Method method(Class<?> type, String name) {
            try {
                return type == null ? null : type.getMethod(name);
            } catch (NoSuchMethodException | RuntimeException e) {
                return null;
            }
        }
    }
}
