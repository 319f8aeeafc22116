package io.onlineuser.bench.jmh;

import io.netty.channel.Channel;

/**
 * A game's own session service, as the agent's hooks find it in a connector: {@link #bind} and
 * {@link #unbind} are what {@code hook.bind} and {@code hook.unbind} name in
 * {@link HookPathBenchmark}. Without the agent they are two field writes.
 */
public final class GameSessions {

    /** A player's session: the channel it came on (the agent finds its address there) and its uid. */
    public static final class Session {
        final Channel channel;
        String uid;

        Session(Channel channel) {
            this.channel = channel;
        }
    }

    public void bind(Session session, String uid) {
        session.uid = uid;
    }

    public void unbind(Session session) {
        session.uid = null;
    }
}
