package io.onlineuser.collector.live;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

import io.onlineuser.collector.model.SessionInfo;

/**
 * One uid on one server, immutable: its earliest session inline (the common case of one session
 * costs no further object) and any further sessions in a small array. Every change makes a new
 * entry, so readers on other threads never see one half-updated.
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
    private final String address;
    /** Further sessions of the uid on this server, later than the inline one; null when there are none. */
    private final Session[] others;

    private UserEntry(String serverId, String uid, Session first, Session[] others) {
        this.serverId = serverId;
        this.uid = uid;
        this.sessionId = first.sessionId;
        this.loginTime = first.loginTime;
        long packed = AddressPacking.pack(first.address);
        this.packedAddress = packed;
        this.address = packed == 0 ? first.address : null;
        this.others = others == null || others.length == 0 ? null : others;
    }

    static UserEntry of(String serverId, String uid, long sessionId, long loginTime, String address) {
        return new UserEntry(serverId, uid, new Session(sessionId, loginTime, address), null);
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
        return others == null ? 1 : 1 + others.length;
    }

    String address() {
        return packedAddress != 0 ? AddressPacking.unpack(packedAddress) : address;
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
        all.add(new Session(sessionId, loginTime, address()));
        if (others != null) {
            all.addAll(Arrays.asList(others));
        }
        return all;
    }

    private UserEntry from(List<Session> all) {
        all.sort(Comparator.comparingLong((Session s) -> s.loginTime).thenComparingLong(s -> s.sessionId));
        return new UserEntry(serverId, uid, all.get(0), all.subList(1, all.size()).toArray(new Session[0]));
    }

    private record Session(long sessionId, long loginTime, String address) {
    }
}
