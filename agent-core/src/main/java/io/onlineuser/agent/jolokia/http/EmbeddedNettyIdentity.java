package io.onlineuser.agent.jolokia.http;

import io.grpc.netty.shaded.io.netty.channel.ChannelId;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Gives the embedded Netty a machine id of its own before its first channel, so that it does not
 * look for a hardware address among the host's network interfaces: that search costs start-up time
 * and, where there is none (containers, network namespaces), ends in a warning the host's operator
 * cannot act on. The id only tells apart the channel ids of the agent's own HTTP connections. The
 * property is the embedded copy's, under its relocated package name: the host's own Netty, if any,
 * never reads it.
 */
final class EmbeddedNettyIdentity {

    private EmbeddedNettyIdentity() {
    }

    static void set() {
        String property = propertyName();
        if (System.getProperty(property) == null) {
            long id = ThreadLocalRandom.current().nextLong();
            StringBuilder text = new StringBuilder(23);
            for (int shift = 56; shift >= 0; shift -= 8) {
                text.append(Character.forDigit((int) (id >>> (shift + 4)) & 0xf, 16))
                        .append(Character.forDigit((int) (id >>> shift) & 0xf, 16));
                if (shift > 0) {
                    text.append(':');
                }
            }
            System.setProperty(property, text.toString());
        }
    }

    /** {@code <the embedded Netty's package>.machineId}, e.g. {@code io.netty.machineId} for a plain Netty. */
    static String propertyName() {
        String channelId = ChannelId.class.getName();
        String nettyPackage = channelId.substring(0, channelId.length() - "channel.ChannelId".length());
        return nettyPackage + "machineId";
    }
}
