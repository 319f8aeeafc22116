package io.onlineuser.agent.instrument.hook;

import io.onlineuser.agent.instrument.Connections;
import io.onlineuser.agent.instrument.netty.ConnectionKeys;
import io.onlineuser.agent.instrument.netty.RemoteAddresses;
import io.onlineuser.agent.track.OnlineTracker;
import java.util.Collection;
import java.util.List;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns what a hooked method saw when it returned into tracker events: a bind resolves the
 * session and uid paths and the session's connection, an unbind ends the session. Runs on the
 * application's threads: problems are kept in the hook's status and logged once per hook; its
 * other calls still try.
 */
public final class HookCalls {

    private static final Logger LOG = LoggerFactory.getLogger(HookCalls.class);

    private final OnlineTracker tracker;
    private final List<HookStatus> hooks;
    private final AppKicker kicker;
    private final SessionKeys keys;

    HookCalls(OnlineTracker tracker, List<HookStatus> hooks, AppKicker kicker, ConnectionKeys connections) {
        this.tracker = tracker;
        this.hooks = hooks;
        this.kicker = kicker;
        this.keys = new SessionKeys(connections);
    }

    /**
     * Counts the sessions {@code registry} holds now (after a late attach), keyed as hooks key them.
     *
     * @throws PathException when the registry cannot be read
     */
    public int countRegistered(SessionRegistry registry, Collection<Class<?>> loaded) throws PathException {
        return registry.countInto(tracker, keys, loaded);
    }

    /**
     * What the call of hook {@code hookId} saw when its method returned normally.
     *
     * @param sessionSource the root of the {@code session=} path
     * @param uidSource     the root of the {@code uid=} path (null for unbind)
     */
    /** A connection's {@code ip:port}, asked only when the tracker does not have it yet. */
    private static final Function<Object, String> ADDRESS_OF = channel -> RemoteAddresses.format(Connections.remoteAddress(channel));

    public void onReturn(int hookId, Object self, Object sessionSource, Object uidSource) {
        if (hookId < 0 || hookId >= hooks.size()) {
            return;
        }
        HookStatus hook = hooks.get(hookId);
        if (!hook.counts(self)) {
            return;
        }
        HookSpec spec = hook.spec();
        try {
            Object value = spec.session().resolve(sessionSource);
            Object session = keys.keyOf(value, spec.session());
            if (spec.role() == HookRole.UNBIND) {
                // a connection that is closed already ended its sessions
                if (session != null) {
                    tracker.sessionUnbound(session);
                }
                if (LOG.isTraceEnabled()) {
                    LOG.trace("{}: session {} logged out", hook.role(), session);
                }
                return;
            }
            if (session == null) {
                throw new PathException("session=" + spec.session() + " gave '" + value
                        + "', which names no open accepted connection");
            }
            Object uid = spec.uid().resolve(uidSource);
            if (uid == null) {
                throw new PathException("uid=" + spec.uid() + " gave null");
            }
            Object channel = SessionChannels.channelOf(session);
            if (channel == null) {
                hook.connectionNotFound(hook.role() + ": no connection found for a session of "
                        + session.getClass().getName() + " (no field of it holds a connection: a Netty Channel or"
                        + " ChannelHandlerContext, a MINA IoSession, a Java-WebSocket WebSocket, a jakarta.websocket.Session),"
                        + " so its logins have no address and end only on hook.unbind; give session= a path to its"
                        + " connection, e.g. session=arg0.channel (reported once)");
            }
            tracker.sessionBoundOn(session, uid.toString(), channel, ADDRESS_OF);
            kicker.rememberBindTarget(self);
            if (LOG.isTraceEnabled()) {
                LOG.trace("{}: uid {} logged in, session {}", hook.role(), uid, session);
            }
        } catch (PathException | RuntimeException e) {
            hook.callFailed(hook.role() + ": " + e.getMessage());
        }
    }
}
