package io.onlineuser.sample.session;

import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.onlineuser.sample.protocol.Json;
import io.onlineuser.sample.protocol.PomeloPackage;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The connector's sessions, the way a game team writes it: sid -> session and uid -> sessions,
 * bind on login, unbind on logout or close, look-up and kick. One instance per server; called
 * from every event loop, so the maps are concurrent and each uid's list is replaced, never
 * changed in place.
 */
public final class SessionService {
    private static volatile SessionService current;

    private final AtomicLong nextId = new AtomicLong();
    private final Map<Long, Session> sessions = new ConcurrentHashMap<>();
    private final Map<String, List<Session>> sessionsByUid = new ConcurrentHashMap<>();
    private final AtomicLong boundSessions = new AtomicLong();

    public SessionService() {
        current = this;
    }

    /**
     * The server's session service (one per server), reachable from anywhere as frameworks make
     * theirs ({@code SessionManager.getInstance()}); the agent reads it after a late attach.
     */
    public static SessionService current() {
        return current;
    }

    /** A new connection: gives it a session id. */
    public Session create(Channel channel) {
        Session session = new Session(nextId.incrementAndGet(), channel);
        sessions.put(session.id(), session);
        return session;
    }

    /** The connection is gone: forget the session, unbinding it first if a player was on it. */
    public void remove(Session session) {
        if (session.uid() != null) {
            unbind(session);
        }
        sessions.remove(session.id());
    }

    public Session get(long sessionId) {
        return sessions.get(sessionId);
    }

    /** Called on successful login, after duplicate-login handling. */
    public void bind(Session session, String uid) {
        if (uid == null || uid.isEmpty()) {
            throw new IllegalArgumentException("uid must not be empty");
        }
        synchronized (session) {
            if (session.uid() != null) {
                throw new IllegalStateException(session + " is already bound");
            }
            session.bound(uid, System.currentTimeMillis());
            sessionsByUid.compute(uid, (key, list) -> with(list, session));
            boundSessions.incrementAndGet();
        }
    }

    /** Logout, kick, or connection closed while bound. Does nothing for an unbound session. */
    public void unbind(Session session) {
        synchronized (session) {
            String uid = session.uid();
            if (uid == null) {
                return;
            }
            sessionsByUid.computeIfPresent(uid, (key, list) -> without(list, session));
            session.unbound();
            boundSessions.decrementAndGet();
        }
    }

    public List<Session> getByUid(String uid) {
        return sessionsByUid.getOrDefault(uid, List.of());
    }

    public boolean isOnline(String uid) {
        return sessionsByUid.containsKey(uid);
    }

    /**
     * Tells the client why (kick package {"reason":…}), unbinds at once so the uid is free when
     * this returns, and closes the connection once the kick package is written.
     * Returns true if the connection was still open.
     */
    public boolean kick(Session session, String reason) {
        unbind(session);
        Channel channel = session.channel();
        if (!channel.isActive()) {
            return false;
        }
        byte[] body = Json.bytes(Json.object().put("reason", reason));
        channel.writeAndFlush(PomeloPackage.kick(body)).addListener(ChannelFutureListener.CLOSE);
        return true;
    }

    /** Kicks every session of uid; returns how many were open. */
    public int kick(String uid, String reason) {
        int kicked = 0;
        for (Session session : getByUid(uid)) {
            if (kick(session, reason)) {
                kicked++;
            }
        }
        return kicked;
    }

    /** Sessions with a player on them, for broadcasts. A snapshot, safe to iterate. */
    public List<Session> boundSessions() {
        List<Session> all = new ArrayList<>(sessionsByUid.size());
        for (Collection<Session> list : sessionsByUid.values()) {
            all.addAll(list);
        }
        return all;
    }

    public int connectionCount() {
        return sessions.size();
    }

    public int onlineUserCount() {
        return sessionsByUid.size();
    }

    public long boundSessionCount() {
        return boundSessions.get();
    }

    private static List<Session> with(List<Session> list, Session session) {
        if (list == null) {
            return List.of(session);
        }
        List<Session> copy = new ArrayList<>(list.size() + 1);
        copy.addAll(list);
        copy.add(session);
        return List.copyOf(copy);
    }

    /** Identity, not equals: a game's Session class may define equals differently. */
    private static List<Session> without(List<Session> list, Session session) {
        List<Session> copy = new ArrayList<>(list.size());
        for (Session each : list) {
            if (each != session) {
                copy.add(each);
            }
        }
        return copy.isEmpty() ? null : List.copyOf(copy);
    }
}
