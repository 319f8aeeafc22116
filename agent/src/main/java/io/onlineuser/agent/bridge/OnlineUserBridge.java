package io.onlineuser.agent.bridge;

import java.net.SocketAddress;
import java.util.concurrent.atomic.AtomicBoolean;

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

    private OnlineUserBridge() {
    }

    /** True for the first caller in this JVM only: that caller installs the agent, others do nothing. */
    public static boolean claimInstall() {
        return INSTALLED.compareAndSet(false, true);
    }

    public static void setListener(BridgeListener newListener) {
        listener = newListener;
    }

    public static void channelActive(Object channel, SocketAddress remoteAddress) {
        BridgeListener current = listener;
        if (current != null) {
            current.channelActive(channel, remoteAddress);
        }
    }

    public static void channelInactive(Object channel) {
        BridgeListener current = listener;
        if (current != null) {
            current.channelInactive(channel);
        }
    }

    public static void hookReturned(int hookId, Object self, Object session, Object uidSource) {
        BridgeListener current = listener;
        if (current != null) {
            current.hookReturned(hookId, self, session, uidSource);
        }
    }
}
