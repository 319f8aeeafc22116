package io.onlineuser.agent.instrument;

import io.onlineuser.agent.bridge.BridgeListener;
import io.onlineuser.agent.instrument.hook.HookCalls;
import io.onlineuser.agent.instrument.netty.AcceptedChannels;
import io.onlineuser.agent.instrument.netty.ConnectionKeys;
import io.onlineuser.agent.instrument.netty.ListenerWatch;
import io.onlineuser.agent.instrument.netty.NettyChannels;
import io.onlineuser.agent.instrument.netty.RemoteAddresses;
import io.onlineuser.agent.track.ListeningPort;
import io.onlineuser.agent.track.OnlineTracker;
import java.net.SocketAddress;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Receives what the advice reports through the bridge and hands it to the tracker. Runs on the
 * application's threads (Netty event loops among them): no blocking, no logging on the hot path.
 * A connection counts when its listener is in {@code listen.ports}; every listener keeps its own
 * open and accepted counts. Netty reports channels with their parent; the other transports
 * ({@link ServerTransport}) report their server and connection, and say which listener it is.
 */
public final class TrackerEvents implements BridgeListener {

    private final OnlineTracker tracker;
    private final HookCalls hooks;
    private final ListenerWatch listeners;
    private final HookCallCounts hookCalls;
    private final ConnectionKeys connectionKeys;
    private final Runnable onFirstListen;
    private final AtomicBoolean firstListenSeen = new AtomicBoolean();
    private final Map<String, ServerTransport> transports;

    /**
     * {@code onFirstListen} (the host's first server channel became active) runs once, on the
     * event loop: it must only hand work to another thread.
     *
     * @param connectionKeys told of counted connections, for hooks that name sessions by their connection
     */
    public TrackerEvents(OnlineTracker tracker, HookCalls hooks, ListenerWatch listeners, HookCallCounts hookCalls,
                         ConnectionKeys connectionKeys, Runnable onFirstListen) {
        this(tracker, hooks, listeners, hookCalls, connectionKeys, onFirstListen, List.of());
    }

    /** @param transports the other transports whose servers report through the bridge */
    public TrackerEvents(OnlineTracker tracker, HookCalls hooks, ListenerWatch listeners, HookCallCounts hookCalls,
                         ConnectionKeys connectionKeys, Runnable onFirstListen, List<ServerTransport> transports) {
        this.tracker = tracker;
        this.hooks = hooks;
        this.listeners = listeners;
        this.hookCalls = hookCalls;
        this.connectionKeys = connectionKeys;
        this.onFirstListen = onFirstListen;
        Map<String, ServerTransport> byName = new HashMap<>();
        for (ServerTransport each : transports) {
            byName.put(each.name(), each);
        }
        this.transports = Map.copyOf(byName);
    }

    @Override
    public void channelActive(Object channel, Object parent, SocketAddress remoteAddress) {
        if (!AcceptedChannels.isAcceptedBy(parent)) {
            if (parent == null && AcceptedChannels.isServerChannel(channel)) {
                listeners.of(channel);
                firstListen();
            }
            return;
        }
        accepted(channel, listeners.of(parent), remoteAddress);
    }

    private void firstListen() {
        if (!firstListenSeen.get() && firstListenSeen.compareAndSet(false, true)) {
            onFirstListen.run();
        }
    }

    @Override
    public void serverListening(String transport, Object server) {
        ServerTransport known = transports.get(transport);
        if (known == null) {
            return;
        }
        for (ListenerAddress each : known.listenersOf(server)) {
            listeners.of(each);
        }
        if (!known.listenersKnownAtStart()) {
            listeners.portsLearntLater(known.name());
        }
        firstListen();
    }

    @Override
    public void connectionOpened(String transport, Object server, Object connection) {
        ServerTransport known = transports.get(transport);
        ListenerAddress where = known == null ? null : known.acceptedBy(server, connection);
        if (where != null) {
            accepted(connection, listeners.of(where), known.remoteAddress(connection));
        }
    }

    @Override
    public void connectionClosed(String transport, Object server, Object connection) {
        ServerTransport known = transports.get(transport);
        ListenerAddress where = known == null ? null : known.closingOn(server, connection);
        if (where != null) {
            closed(connection, listeners.listeners().find(where.key()));
            known.closed(connection);
        }
    }

    /**
     * A connection of another transport found open at a late attach: counted as if it had just
     * opened, and uncounted again if it closed meanwhile.
     *
     * @return true when it counts
     */
    public boolean alreadyOpen(ServerTransport transport, Object server, Object connection) {
        ListenerAddress where = transport.acceptedBy(server, connection);
        if (where == null || !Connections.isOpen(connection)) {
            return false;
        }
        ListeningPort listener = listeners.of(where);
        accepted(connection, listener, transport.remoteAddress(connection));
        if (!Connections.isOpen(connection)) {
            closed(connection, listener);
            return false;
        }
        return listener.counted();
    }

    /** Counts an accepted connection once, on its listener and, when the listener counts, in the tracker. */
    void accepted(Object channel, ListeningPort listener, SocketAddress remoteAddress) {
        if (!listener.counted()) {
            listener.openedUncounted(channel);
        } else if (tracker.connectionActive(channel, RemoteAddresses.format(remoteAddress))) {
            listener.opened();
            connectionKeys.opened(channel, remoteAddress);
        }
    }

    /**
     * A channel found open at a late attach (its activation happened before the agent): counted as
     * if it had just become active, and uncounted again if it closed meanwhile.
     *
     * @return true when it counts (its listener is in netty.ports and it is still open)
     */
    public boolean alreadyOpen(Object channel, Object parent) {
        if (!NettyChannels.isActive(channel)) {
            return false;
        }
        ListeningPort listener = listeners.of(parent);
        accepted(channel, listener, NettyChannels.remoteAddress(channel));
        if (!NettyChannels.isActive(channel)) {
            closed(channel, listener);
            return false;
        }
        return listener.counted();
    }

    @Override
    public void channelInactive(Object channel, Object parent) {
        if (!AcceptedChannels.isAcceptedBy(parent)) {
            if (parent == null && AcceptedChannels.isServerChannel(channel)) {
                listeners.closed(channel);
            }
            return;
        }
        closed(channel, listeners.listeners().find(parent));
    }

    /** Uncounts a connection that {@link #accepted} counted; any other is ignored. */
    void closed(Object channel, ListeningPort listener) {
        if (listener != null && !listener.counted()) {
            listener.closedUncounted(channel);
        } else if (tracker.connectionInactive(channel)) {
            if (listener != null) {
                listener.closed();
            }
            connectionKeys.closed(channel);
        }
    }

    @Override
    public void hookReturned(int hookId, Object self, Object session, Object uidSource) {
        hookCalls.called(hookId);
        hooks.onReturn(hookId, self, session, uidSource);
    }
}
