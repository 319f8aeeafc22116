package io.onlineuser.agent.instrument.netty;

import io.onlineuser.agent.track.Listener;
import io.onlineuser.agent.track.Listeners;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Learns the host's listeners (Netty server channels) as they appear and says each once at info:
 * where it listens, its class, whether its connections count ({@code netty.ports}). Called on
 * event loops: the lines are written by the agent's own thread, never by the host's.
 */
public final class ListenerWatch {

    /** How long after the host first listens a {@code netty.ports} entry nobody listens on is said. */
    public static final long UNHEARD_PORTS_DELAY_MILLIS = 5_000;

    private static final Logger LOG = LoggerFactory.getLogger(ListenerWatch.class);

    private final Listeners listeners;
    private final Executor logs;
    private final AtomicBoolean unheardScheduled = new AtomicBoolean();

    public ListenerWatch(Listeners listeners, Executor logs) {
        this.listeners = listeners;
        this.logs = logs;
    }

    public Listeners listeners() {
        return listeners;
    }

    /** The listener of {@code serverChannel}, registered (and said) the first time it is met. */
    public Listener of(Object serverChannel) {
        Listener known = listeners.find(serverChannel);
        return known != null ? known : register(serverChannel);
    }

    private Listener register(Object serverChannel) {
        SocketAddress local = NettyChannels.localAddress(serverChannel);
        int port = local instanceof InetSocketAddress ? ((InetSocketAddress) local).getPort() : -1;
        String address = local == null ? "(address unknown)" : RemoteAddresses.format(local);
        Listener fresh = listeners.register(serverChannel, address, port, serverChannel.getClass().getName());
        if (fresh == null) {
            return listeners.find(serverChannel);
        }
        String scope = listeners.scope().all() ? "" : " (netty.ports=" + listeners.scope() + ")";
        logs.execute(() -> LOG.info("listener {} ({}): {}{}", fresh.address(), fresh.serverChannelClass(),
                fresh.counted() ? "connections counted" : "connections not counted", scope));
        return fresh;
    }

    /** A listener stopped listening (its server channel closed). */
    public void closed(Object serverChannel) {
        Listener listener = listeners.find(serverChannel);
        if (listener != null && LOG.isDebugEnabled()) {
            logs.execute(() -> LOG.debug("listener {} closed; {} of its connections still open, {} accepted in all",
                    listener.address(), listener.openConnections(), listener.acceptedTotal()));
        }
    }

    /**
     * Once, {@link #UNHEARD_PORTS_DELAY_MILLIS} from now: one line naming the {@code netty.ports}
     * entries no listener has appeared on (a typo, or a port the host opens under another option).
     */
    public void reportUnheardPortsLater() {
        if (listeners.scope().all() || !unheardScheduled.compareAndSet(false, true)) {
            return;
        }
        CompletableFuture.delayedExecutor(UNHEARD_PORTS_DELAY_MILLIS, TimeUnit.MILLISECONDS, logs)
                .execute(this::reportUnheardPorts);
    }

    private void reportUnheardPorts() {
        List<String> unheard = listeners.unheardPorts();
        if (unheard.isEmpty()) {
            return;
        }
        StringBuilder seen = new StringBuilder();
        for (Listener listener : listeners.all()) {
            seen.append(seen.length() == 0 ? "" : ", ").append(listener.address())
                    .append(listener.counted() ? " counted" : " not counted");
        }
        LOG.warn("netty.ports={}: nothing listens on {} (listeners: {}); only connections of listeners on netty.ports"
                + " are counted", listeners.scope(), String.join(",", unheard), seen.length() == 0 ? "none" : seen);
    }
}
