package io.onlineuser.agent.instrument;

import io.onlineuser.agent.bridge.BridgeListener;
import io.onlineuser.agent.instrument.hook.HookCalls;
import io.onlineuser.agent.instrument.netty.AcceptedChannels;
import io.onlineuser.agent.instrument.netty.RemoteAddresses;
import io.onlineuser.agent.track.OnlineTracker;
import java.net.SocketAddress;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Receives what the advice reports through the bridge and hands it to the tracker. Runs on the
 * application's threads (Netty event loops among them): no blocking, no logging on the hot path.
 */
public final class TrackerEvents implements BridgeListener {

    private final OnlineTracker tracker;
    private final HookCalls hooks;
    private final Runnable onFirstConnection;
    private final Runnable onFirstListen;
    private final AtomicBoolean firstConnectionSeen = new AtomicBoolean();
    private final AtomicBoolean firstListenSeen = new AtomicBoolean();

    /**
     * {@code onFirstConnection} and {@code onFirstListen} (the host's first server channel became
     * active) run once each, on the event loop: they must only hand work to another thread.
     */
    public TrackerEvents(OnlineTracker tracker, HookCalls hooks, Runnable onFirstConnection, Runnable onFirstListen) {
        this.tracker = tracker;
        this.hooks = hooks;
        this.onFirstConnection = onFirstConnection;
        this.onFirstListen = onFirstListen;
    }

    @Override
    public void channelActive(Object channel, Object parent, SocketAddress remoteAddress) {
        if (!AcceptedChannels.isAcceptedBy(parent)) {
            if (parent == null && !firstListenSeen.get() && AcceptedChannels.isServerChannel(channel)
                    && firstListenSeen.compareAndSet(false, true)) {
                onFirstListen.run();
            }
            return;
        }
        tracker.connectionActive(channel, RemoteAddresses.format(remoteAddress));
        if (!firstConnectionSeen.get() && firstConnectionSeen.compareAndSet(false, true)) {
            onFirstConnection.run();
        }
    }

    @Override
    public void channelInactive(Object channel, Object parent) {
        if (!AcceptedChannels.isAcceptedBy(parent)) {
            return;
        }
        tracker.connectionInactive(channel);
    }

    @Override
    public void hookReturned(int hookId, Object self, Object session, Object uidSource) {
        hooks.onReturn(hookId, self, session, uidSource);
    }
}
