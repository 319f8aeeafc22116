package io.onlineuser.testapp;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** An application's static session registry, as a late attach finds it: id to session. */
public final class SessionDirectory {

    public static final Map<Long, FakeSession> SESSIONS = new ConcurrentHashMap<>();

    private SessionDirectory() {
    }
}
