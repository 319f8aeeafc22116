package io.onlineuser.collector.jolokia;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.onlineuser.collector.failure.ConnectorException;
import io.onlineuser.collector.failure.FailureClassifier;
import io.onlineuser.collector.failure.FailureKind;
import io.onlineuser.collector.model.SessionChanges;
import io.onlineuser.collector.model.SessionInfo;
import io.onlineuser.collector.model.SessionsPage;
import org.jolokia.client.exception.JolokiaRemoteException;

/** Reads the list-then-watch answers ({@code changes}, {@code sessions}, the Agent MBean's options) out of Jolokia values. */
final class LiveValues {

    private LiveValues() {
    }

    static SessionChanges changes(Object value) throws ConnectorException {
        Map<String, Object> answer = JolokiaValues.map(failIfRemote(value), "changes");
        List<?> rows = JolokiaValues.list(answer.get("events"), "changes.events");
        List<SessionChanges.Event> events = new ArrayList<>(rows.size());
        for (Object row : rows) {
            Map<String, Object> f = JolokiaValues.map(row, "change event");
            SessionChanges.Kind kind;
            try {
                kind = SessionChanges.Kind.valueOf(JolokiaValues.text(f, "kind"));
            } catch (IllegalArgumentException | NullPointerException e) {
                throw new ConnectorException(FailureKind.NOT_ONLINEUSER_AGENT, "change kind " + f.get("kind") + " is neither LOGIN nor LOGOUT");
            }
            events.add(new SessionChanges.Event(JolokiaValues.number(f, "seq"), kind, JolokiaValues.number(f, "sessionId"),
                    JolokiaValues.text(f, "uid"), JolokiaValues.text(f, "address"), JolokiaValues.number(f, "time")));
        }
        String cursor = JolokiaValues.text(answer, "cursor");
        if (cursor == null) {
            throw new ConnectorException(FailureKind.NOT_ONLINEUSER_AGENT, "changes gave no cursor");
        }
        return new SessionChanges(cursor, Boolean.TRUE.equals(answer.get("gap")), events);
    }

    static SessionsPage sessions(String serverId, String cursor, Map<String, String> options, Object value) throws ConnectorException {
        Map<String, Object> answer = JolokiaValues.map(failIfRemote(value), "sessions");
        List<?> rows = JolokiaValues.list(answer.get("rows"), "sessions.rows");
        List<SessionInfo> sessions = new ArrayList<>(rows.size());
        for (Object row : rows) {
            Map<String, Object> f = JolokiaValues.map(row, "session");
            sessions.add(new SessionInfo(serverId, JolokiaValues.number(f, "sessionId"), JolokiaValues.text(f, "uid"),
                    serverId, JolokiaValues.number(f, "loginTime"), JolokiaValues.text(f, "address")));
        }
        return new SessionsPage(cursor, options, sessions, JolokiaValues.text(answer, "next"));
    }

    /**
     * The Agent MBean's {@code Options} (an MXBean {@code Map<String, String>}: Jolokia gives an
     * object of values, or of {key, value} rows); null when the agent has no Agent MBean (404) or
     * refuses the read.
     */
    static Map<String, String> options(Object value) {
        if (value instanceof JolokiaRemoteException) {
            return null;
        }
        Map<String, String> options = new LinkedHashMap<>();
        if (value instanceof Map<?, ?> map) {
            map.forEach((k, v) -> options.put(String.valueOf(k),
                    v instanceof Map<?, ?> entry && entry.containsKey("value") ? String.valueOf(entry.get("value")) : String.valueOf(v)));
        }
        return options;
    }

    private static Object failIfRemote(Object value) throws ConnectorException {
        if (value instanceof JolokiaRemoteException remote) {
            throw FailureClassifier.remote(remote);
        }
        return value;
    }
}
