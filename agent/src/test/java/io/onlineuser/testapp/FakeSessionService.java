package io.onlineuser.testapp;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Stands for an application's session service (outside io.onlineuser.agent, which the agent ignores). */
public final class FakeSessionService {

    public final List<String> kickReasons = new CopyOnWriteArrayList<>();

    public void bind(FakeSession session, String uid) {
        if (uid.startsWith("reject")) {
            throw new IllegalStateException("login refused");
        }
        session.uid = uid;
    }

    /** Wide and primitive parameters around the session: the agent must find each value's slot. */
    public void bindById(double weight, long uid, FakeSession session, int level) {
        session.uid = weight > 0 && level > 0 ? Long.toString(uid) : null;
    }

    public static void unbindStatic(long reason, FakeSession session) {
        session.uid = null;
    }

    public void unbind(FakeSession session) {
        session.uid = null;
    }

    public boolean kick(FakeSession session, String reason) {
        kickReasons.add(session.uid + ":" + reason);
        return true;
    }

    /** Same name and arity as the session kick: the agent must pick the one taking a session. */
    public int kick(String uid, String reason) {
        throw new AssertionError("the uid overload must not be called");
    }
}
