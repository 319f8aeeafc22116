package io.onlineuser.bench.overhead;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.mina.core.session.IoSession;

/** The MINA connector's record of who is logged in: {@code login/2} and {@code logout/1} are hooked. */
public final class MinaChurnPlayers {

    /** The hooks the connector with the agent runs with. */
    static final String HOOKS = "hook.bind=" + MinaChurnPlayers.class.getName() + "#login/2 session=arg0 uid=arg1,"
            + "hook.unbind=" + MinaChurnPlayers.class.getName() + "#logout/1 session=arg0";

    private final Map<Long, String> uids = new ConcurrentHashMap<>();

    public void login(IoSession session, String uid) {
        uids.put(session.getId(), uid);
    }

    public void logout(IoSession session) {
        uids.remove(session.getId());
    }
}
