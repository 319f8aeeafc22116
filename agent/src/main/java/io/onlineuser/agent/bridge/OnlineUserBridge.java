package io.onlineuser.agent.bridge;

import java.net.SocketAddress;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The one class advice calls. It lives on the bootstrap class path (appended from a temporary jar),
 * so advice inlined into Netty or application classes finds it whatever their class loader is; it
 * forwards to the {@link BridgeListener} the agent registered. Before a listener is set, events are
 * dropped. The install flag lives here because this class is loaded once per JVM, however many
 * times (and from however many jar copies) the agent is attached.
 */
public final class OnlineUserBridge {

    private static final AtomicBoolean INSTALLED = new AtomicBoolean();
    private static volatile BridgeListener listener;
    private static final AtomicReference<ProbeListener> PROBES = new AtomicReference<>();

    private OnlineUserBridge() {
    }

    /** True for the first caller in this JVM only: that caller installs the agent, others do nothing. */
    public static boolean claimInstall() {
        return INSTALLED.compareAndSet(false, true);
    }

    public static void setListener(BridgeListener newListener) {
        listener = newListener;
    }

    /**
     * Called by the code added to Netty's pipeline; {@code parent} tells accepted channels from others.
     * Catches everything: nothing may reach the host's event loop.
     */
    public static void channelActive(Object channel, Object parent, SocketAddress remoteAddress) {
        BridgeListener current = listener;
        if (current != null) {
            try {
                current.channelActive(channel, parent, remoteAddress);
            } catch (Throwable ignored) {
                // the listener reports its own failures; the host must never see one
            }
        }
    }

    public static void channelInactive(Object channel, Object parent) {
        BridgeListener current = listener;
        if (current != null) {
            try {
                current.channelInactive(channel, parent);
            } catch (Throwable ignored) {
                // as above
            }
        }
    }

    /** Called by the code added to other transports' servers (MINA, Java-WebSocket, Jakarta WebSocket). */
    public static void serverListening(Object server, String transport) {
        BridgeListener current = listener;
        if (current != null) {
            try {
                current.serverListening(transport, server);
            } catch (Throwable ignored) {
                // as above
            }
        }
    }

    public static void connectionOpened(Object server, Object connection, String transport) {
        BridgeListener current = listener;
        if (current != null) {
            try {
                current.connectionOpened(transport, server, connection);
            } catch (Throwable ignored) {
                // as above
            }
        }
    }

    public static void connectionClosed(Object server, Object connection, String transport) {
        BridgeListener current = listener;
        if (current != null) {
            try {
                current.connectionClosed(transport, server, connection);
            } catch (Throwable ignored) {
                // as above
            }
        }
    }

    public static void hookReturned(int hookId, Object self, Object session, Object uidSource) {
        BridgeListener current = listener;
        if (current != null) {
            try {
                current.hookReturned(hookId, self, session, uidSource);
            } catch (Throwable ignored) {
                // as above
            }
        }
    }

    /** Makes {@code probes} the one watch of this JVM; false when another watch runs. */
    public static boolean claimProbes(ProbeListener probes) {
        return PROBES.compareAndSet(null, probes);
    }

    /** Ends the watch of {@code probes}; later probe calls are dropped. */
    public static void releaseProbes(ProbeListener probes) {
        PROBES.compareAndSet(probes, null);
    }

    /** Called by the recording-only hooks of a watch. */
    public static void probeReturned(int probeId, Object self, Object session, Object uidSource) {
        ProbeListener current = PROBES.get();
        if (current != null) {
            try {
                current.probeReturned(probeId, self, session, uidSource);
            } catch (Throwable ignored) {
                // as above
            }
        }
    }
}
