package io.onlineuser.agent.instrument.netty;

import io.onlineuser.agent.instrument.Connections;
import io.onlineuser.agent.track.ChannelIndex;
import io.onlineuser.agent.track.OnlineTracker;
import java.net.SocketAddress;

/**
 * The texts that name an open accepted connection (its channel id's short text, its remote
 * {@code ip:port}) and the channels they name. Each index is kept only once a hook has looked a
 * connection up by it; until then an open or close costs one volatile read per index.
 */
public final class ConnectionKeys {

    private final OnlineTracker tracker;
    private final ChannelIndex byId = new ChannelIndex();
    private final ChannelIndex byAddress = new ChannelIndex();
    private final Object filling = new Object();

    public ConnectionKeys(OnlineTracker tracker) {
        this.tracker = tracker;
    }

    /** A counted connection of any transport opened; {@code remoteAddress} as its transport reported it. */
    public void opened(Object channel, SocketAddress remoteAddress) {
        if (byId.enabled()) {
            byId.opened(ChannelIds.shortTextOfChannel(channel), channel);
        }
        if (byAddress.enabled()) {
            byAddress.opened(RemoteAddresses.format(remoteAddress), channel);
        }
    }

    /** A counted connection closed. */
    public void closed(Object channel) {
        if (byId.enabled()) {
            byId.closed(ChannelIds.shortTextOfChannel(channel), channel);
        }
        if (byAddress.enabled()) {
            byAddress.closed(RemoteAddresses.format(Connections.remoteAddress(channel)), channel);
        }
    }

    /** The open accepted channel whose id has this short text, or null. */
    public Object byIdText(String shortText) {
        return find(byId, shortText, false);
    }

    /** The open accepted channel whose remote address is {@code ipAndPort}, or null. */
    public Object byRemoteAddress(String ipAndPort) {
        return find(byAddress, ipAndPort, true);
    }

    private Object find(ChannelIndex index, String key, boolean address) {
        if (!index.filled()) {
            fill(index, address);
        }
        Object channel = index.find(key);
        if (channel != null && !Connections.isOpen(channel)) {
            // closed while the index was being filled: its close found nothing to remove yet
            index.closed(key, channel);
            return null;
        }
        return channel;
    }

    /**
     * Switches the index on, then adds the connections already open. Once per index, under a lock
     * so that a second lookup waits for the filled index instead of missing; opens after the switch
     * add themselves.
     */
    private void fill(ChannelIndex index, boolean address) {
        synchronized (filling) {
            if (index.enable()) {
                tracker.forEachConnection((channel, remoteAddress) -> index.opened(address
                        ? remoteAddress : ChannelIds.shortTextOfChannel(channel), channel));
                index.markFilled();
            }
        }
    }
}
