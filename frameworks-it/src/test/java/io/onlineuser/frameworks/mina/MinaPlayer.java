package io.onlineuser.frameworks.mina;

import org.apache.mina.core.session.IoSession;

/** The game's own record of a logged-in player: holds its MINA session, as game servers' player objects do. */
public final class MinaPlayer {

    private final IoSession session;
    private final String uid;

    public MinaPlayer(IoSession session, String uid) {
        this.session = session;
        this.uid = uid;
    }

    public String uid() {
        return uid;
    }

    public IoSession session() {
        return session;
    }
}
