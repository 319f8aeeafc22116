package io.onlineuser.collector.live;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

import io.onlineuser.collector.model.SessionInfo;

/**
 * One uid on one server, immutable: its earliest session inline (the common case of one session
 * costs no further object), its address packed in a long when it is IPv4, and one field for what
 * is rare: the address text when it is not IPv4, or every session when there are several. Every
 * change makes a new entry, so readers on other threads never see one half-updated.
 */
final class UserEntry {

    /** The users table's order: login time of the earliest session, then uid (unique per server). */
    static final Comparator<UserEntry> BY_LOGIN_TIME =
            Comparator.comparingLong((UserEntry e) -> e.loginTime).thenComparing(e -> e.uid);

    final String serverId;
    final String uid;
    final long sessionId;
    final long loginTime;
    private final long packedAddress;
    /**
     * null; or the earliest session's address when it does not pack; or, with several sessions, all
     * of them by login time (a Session[]). One field for both keeps the entry at 48 bytes, not 56:
     * the index's target is 200 bytes per session.
     */
    private final Object rare;

    private UserEntry(String serverId, String uid, List<Session> sessions) {
        Session first = sessions.get(0);
        this.serverId = serverId;
        this.uid = uid;
        this.sessionId = first.sessionId;
        this.loginTime = first.loginTime;
        long packed = AddressPacking.pack(first.address);
        this.packedAddress = packed;
        this.rare = sessions.size() > 1 ? sessions.toArray(new Session[0]) : packed == 0 ? first.address : null;
    }

    static UserEntry of(String serverId, String uid, long sessionId, long loginTime, String address) {
        return new UserEntry(serverId, uid, List.of(new Session(sessionId, loginTime, address)));
    }

    /** With one more session; this entry itself when the session is already there (a replayed LOGIN). */
    UserEntry withSession(long id, long time, String at) {
        List<Session> all = sessions();
        for (Session session : all) {
            if (session.sessionId == id) {
                return this;
            }
        }
        all.add(new Session(id, time, at));
        return from(all);
    }

    /** Without that session; null when it was the last one, this entry itself when it was not there. */
    UserEntry withoutSession(long id) {
        List<Session> all = sessions();
        if (!all.removeIf(session -> session.sessionId == id)) {
            return this;
        }
        return all.isEmpty() ? null : from(all);
    }

    int sessionCount() {
        return rare instanceof Session[] several ? several.length : 1;
    }

    String address() {
        if (packedAddress != 0) {
            return AddressPacking.unpack(packedAddress);
        }
        return rare instanceof Session[] several ? several[0].address : (String) rare;
    }

    List<SessionInfo> sessionInfos() {
        List<SessionInfo> infos = new ArrayList<>(sessionCount());
        for (Session session : sessions()) {
            infos.add(new SessionInfo(serverId, session.sessionId, uid, serverId, session.loginTime, session.address));
        }
        return infos;
    }

    private List<Session> sessions() {
        List<Session> all = new ArrayList<>(sessionCount() + 1);
        if (rare instanceof Session[] several) {
            all.addAll(Arrays.asList(several));
        } else {
            all.add(new Session(sessionId, loginTime, address()));
        }
        return all;
    }

    private UserEntry from(List<Session> all) {
        all.sort(Comparator.comparingLong((Session s) -> s.loginTime).thenComparingLong(s -> s.sessionId));
        return new UserEntry(serverId, uid, all);
    }

    private record Session(long sessionId, long loginTime, String address) {
    }
}
