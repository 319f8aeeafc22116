package io.onlineuser.agent.instrument.netty;


/**
 * Tells accepted connections from the rest by their parent: a Netty {@code ServerChannel}.
 * Outbound clients and server channels have no parent; HTTP/2 or QUIC streams have a connection
 * as parent. Netty is matched by name because the agent cannot see the application's Netty.
 */
public final class AcceptedChannels {

    static final String SERVER_CHANNEL = "io.netty.channel.ServerChannel";

    private static final ClassValue<Boolean> IS_SERVER_CHANNEL = new ClassValue<>() {
        @Override
        protected Boolean computeValue(Class<?> type) {
            return NettyTypes.named(type, SERVER_CHANNEL) != null;
        }
    };

    private AcceptedChannels() {
    }

    /** True when {@code channel} (may be null) is a server channel: the host listens. */
    public static boolean isServerChannel(Object channel) {
        return channel != null && IS_SERVER_CHANNEL.get(channel.getClass());
    }

    /** True when {@code parent} (a channel's parent, may be null) is a server channel. */
    public static boolean isAcceptedBy(Object parent) {
        return parent != null && IS_SERVER_CHANNEL.get(parent.getClass());
    }
}
