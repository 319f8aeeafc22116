package io.onlineuser.collector.fake;

import java.util.List;

/** The agent's Session MXBean contract (DESIGN.md). */
public interface SessionsMXBean {
    boolean isOnline(String uid);

    List<SessionRow> getByUid(String uid);

    int kick(String uid, String reason);

    ChangesAnswer changes(String cursor, int limit);

    SessionsAnswer sessions(String after, int limit);
}
