package io.onlineuser.agent.jmx;

import javax.management.MXBean;

/** {@code onlineuser:type=Session,serverId=…}: who is online, and kick (DESIGN.md). */
@MXBean
public interface SessionMBean {

    @Description("True when the uid has at least one bound session on this connector")
    boolean isOnline(@Param(name = "uid", value = "User id as the application binds it") String uid);

    @Description("Sessions of the uid: sessionId, uid, frontendId, loginTime, address; empty when offline")
    SessionRow[] getByUid(@Param(name = "uid", value = "User id as the application binds it") String uid);

    @Action
    @Description("Closes every session of the uid and tells the client why where the protocol allows;"
            + " returns the number closed. Refused unless the agent runs with kick.enabled=true")
    int kick(@Param(name = "uid", value = "User id to kick") String uid,
            @Param(name = "reason", value = "Reason sent to the client; may be empty") String reason);

    @Action
    @Description("Closes one session by the sessionId getByUid shows; true if it was closed."
            + " Refused unless the agent runs with kick.enabled=true")
    boolean kickBySessionId(@Param(name = "sessionId", value = "Session id from getByUid") long sessionId,
            @Param(name = "reason", value = "Reason sent to the client; may be empty") String reason);

    @Description("Logins and logouts after the cursor, oldest first: {cursor, gap, events:[{seq, kind, sessionId,"
            + " uid, address, time}]}. changes(\"\", 0) gives the current cursor. gap=true: events were lost"
            + " (journal overflow, a cursor of another agent run or server); list sessions again")
    ChangesPage changes(
            @Param(name = "cursor", value = "\"\" or the cursor a previous changes call returned") String cursor,
            @Param(name = "limit", value = "Most events to return, 0 to 10000") int limit);

    @Description("A page of every bound session in (loginTime, sessionId) order: {rows:[{sessionId, uid,"
            + " loginTime, address}], next}; next is null at the end")
    SessionPage sessions(
            @Param(name = "after", value = "\"\" for the first page, else the previous page's next") String after,
            @Param(name = "limit", value = "Most rows to return, 0 to 10000") int limit);
}
