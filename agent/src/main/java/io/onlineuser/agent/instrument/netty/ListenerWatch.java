package io.onlineuser.agent.instrument.netty;

import io.onlineuser.agent.track.ListeningPort;
import io.onlineuser.agent.track.ListeningPorts;
import io.onlineuser.agent.instrument.ListenerAddress;
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

    private final ListeningPorts listeners;
    private final Executor logs;
    private final AtomicBoolean unheardScheduled = new AtomicBoolean();
    private final String portsOption;
    /** A transport whose listeners' ports are learnt from their first connection; null when none. */
    private volatile String portsLearntLater;

    /** @param portsOption the name the listener scope was given under, for the lines that show it */
    public ListenerWatch(ListeningPorts listeners, Executor logs, String portsOption) {
        this.listeners = listeners;
        this.logs = logs;
        this.portsOption = portsOption;
    }

    public ListenerWatch(ListeningPorts listeners, Executor logs) {
        this(listeners, logs, "netty.ports");
    }

    public ListeningPorts listeners() {
        return listeners;
    }

    /** The listener of {@code serverChannel}, registered (and said) the first time it is met. */
    public ListeningPort of(Object serverChannel) {
        ListeningPort known = listeners.find(serverChannel);
        return known != null ? known : register(serverChannel);
    }

    /** The listener of another transport's server, registered (and said) the first time it is met. */
    public ListeningPort of(ListenerAddress where) {
        ListeningPort known = listeners.find(where.key());
        return known != null ? known
                : register(where.key(), where.local(), where.serverClass(), where.transport(), where.path());
    }

    private ListeningPort register(Object serverChannel) {
        return register(serverChannel, NettyChannels.localAddress(serverChannel), serverChannel.getClass().getName(),
                NettyTypes.transportOf(serverChannel.getClass()), "");
    }

    private ListeningPort register(Object key, SocketAddress local, String serverClass, String transport, String path) {
        int port = local instanceof InetSocketAddress ? ((InetSocketAddress) local).getPort() : -1;
        String address = local == null ? "(address unknown)" : RemoteAddresses.format(local);
        ListeningPort fresh = listeners.register(key, address, port, serverClass, transport, path);
        if (fresh == null) {
            return listeners.find(key);
        }
        String scope = listeners.scope().all() ? "" : " (" + portsOption + "=" + listeners.scope() + ")";
        String kind = transport.startsWith("netty") ? serverClass : transport + ", " + serverClass;
        logs.execute(() -> LOG.info("listener {}{} ({}): {}{}", fresh.address(), fresh.path(), kind,
                fresh.counted() ? "connections counted" : "connections not counted", scope));
        return fresh;
    }

    /**
     * A server of {@code transport} is up whose listeners are known only from their first
     * connection: a {@code listen.ports} entry without a listener yet is then no sign of a mistake.
     */
    public void portsLearntLater(String transport) {
        portsLearntLater = transport;
    }

    /** A listener stopped listening (its server channel closed). */
    public void closed(Object serverChannel) {
        ListeningPort listener = listeners.find(serverChannel);
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
        for (ListeningPort listener : listeners.all()) {
            seen.append(seen.length() == 0 ? "" : ", ").append(listener.address())
                    .append(listener.counted() ? " counted" : " not counted");
        }
        String later = portsLearntLater;
        if (later != null) {
            LOG.info("{}={}: no listener seen on {} yet (listeners: {}); a {} endpoint is listed with its port at"
                    + " its first session", portsOption, listeners.scope(), String.join(",", unheard),
                    seen.length() == 0 ? "none" : seen, later);
            return;
        }
        LOG.warn("{}={}: nothing listens on {} (listeners: {}); only connections of listeners on {} are counted",
                portsOption, listeners.scope(), String.join(",", unheard), seen.length() == 0 ? "none" : seen,
                portsOption);
    }
}
