package io.onlineuser.agent.instrument.hook;

import io.onlineuser.agent.instrument.netty.RemoteAddresses;
import io.onlineuser.agent.track.OnlineTracker;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * Turns what a hooked method saw when it returned into tracker events: a bind resolves the uid
 * path and the session's connection, an unbind ends the session. A hook that fails at run time
 * is reported once; its other calls still try.
 */
public final class HookCalls {

    private final OnlineTracker tracker;
    private final List<HookStatus> hooks;
    private final AppKicker kicker;
    private final Consumer<String> problems;
    private final AtomicBoolean[] failureReported;

    HookCalls(OnlineTracker tracker, List<HookStatus> hooks, AppKicker kicker, Consumer<String> problems) {
        this.tracker = tracker;
        this.hooks = hooks;
        this.kicker = kicker;
        this.problems = problems;
        this.failureReported = new AtomicBoolean[hooks.size()];
        for (int i = 0; i < failureReported.length; i++) {
            failureReported[i] = new AtomicBoolean();
        }
    }

    /** What the call of hook {@code hookId} saw when its method returned normally. */
    public void onReturn(int hookId, Object self, Object session, Object uidSource) {
        if (hookId < 0 || hookId >= hooks.size() || session == null) {
            return;
        }
        HookSpec spec = hooks.get(hookId).spec();
        try {
            if (spec.role() == HookRole.UNBIND) {
                tracker.sessionUnbound(session);
                return;
            }
            Object uid = spec.uid().resolve(uidSource);
            if (uid == null) {
                throw new PathException("uid=" + spec.uid() + " gave null");
            }
            Object channel = SessionChannels.channelOf(session);
            String address = RemoteAddresses.format(SessionChannels.remoteAddress(channel));
            tracker.sessionBound(session, uid.toString(), channel, address);
            kicker.rememberBindTarget(self);
        } catch (PathException | RuntimeException e) {
            if (failureReported[hookId].compareAndSet(false, true)) {
                problems.accept(spec.role().optionKey() + ": " + e.getMessage()
                        + "; such logins are not counted (reported once)");
            }
        }
    }
}
