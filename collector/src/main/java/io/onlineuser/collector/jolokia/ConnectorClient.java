package io.onlineuser.collector.jolokia;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Hashtable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.function.Function;

import javax.management.MalformedObjectNameException;
import javax.management.ObjectName;

import io.onlineuser.collector.failure.ConnectorException;
import io.onlineuser.collector.failure.FailureClassifier;
import io.onlineuser.collector.failure.FailureKind;
import io.onlineuser.collector.http.ConnectorHttp;
import io.onlineuser.collector.model.LoginEntry;
import io.onlineuser.collector.model.ServerStats;
import io.onlineuser.collector.model.SessionChanges;
import io.onlineuser.collector.model.SessionInfo;
import io.onlineuser.collector.model.SessionsPage;
import io.onlineuser.collector.model.WatchAnswer;
import io.onlineuser.collector.tls.ClientTls;
import org.jolokia.client.JolokiaClient;
import org.jolokia.client.JolokiaQueryParameter;
import org.jolokia.client.exception.JolokiaBulkRemoteException;
import org.jolokia.client.exception.JolokiaException;
import org.jolokia.client.exception.JolokiaRemoteException;
import org.jolokia.client.request.HttpMethod;
import org.jolokia.client.request.JolokiaExecRequest;
import org.jolokia.client.request.JolokiaReadRequest;
import org.jolokia.client.request.JolokiaRequest;
import org.jolokia.client.response.JolokiaResponse;
import org.jolokia.client.response.ValidatingResponseExtractor;
import org.jolokia.json.JSONObject;
import org.jolokia.json.JSONStructure;

/**
 * Talks to one connector's Jolokia endpoint: one HTTP round trip per call (bulk requests when a JVM
 * hosts several server ids), a reused keep-alive client, and the MBean names learned from the
 * {@code ConnectionStats} pattern read, refreshed on every stats read and whenever an MBean is gone
 * (the server restarted under another id).
 */
public final class ConnectorClient implements AutoCloseable {

    private static final ObjectName STATS_PATTERN = objectName("onlineuser:type=ConnectionStats,*");
    /**
     * The attributes {@link #toStats} reads, named so that the agents do not also serialise the
     * others (the session-length histogram): 7 instead of 10 ms of an agent's CPU per read before
     * its JIT has compiled Jolokia's path. An agent that lacks some of them answers the others.
     */
    private static final String[] STATS_ATTRIBUTES = {"ServerId", "ServerType", "TotalConnCount", "LoginedCount",
            "SessionCount", "PeakConnCount", "PeakLoginedCount", "AcceptedConnTotal", "ClosedConnTotal", "LoginTotal",
            "LogoutTotal", "KickTotal", "StartTime"};
    private static final ObjectName AGENT_PATTERN = objectName("onlineuser:type=Agent,*");
    private static final Map<JolokiaQueryParameter, String> OPTIONS = Map.of(
            JolokiaQueryParameter.INCLUDE_REQUEST, "false",
            JolokiaQueryParameter.INCLUDE_STACKTRACE, "false");

    private final ConnectorTarget target;
    private final JolokiaTransport transport;
    private final JolokiaClient client;
    /** The HTTP client this one made for itself, closed with it; null when it shares its cluster's. */
    private final ConnectorHttp ownHttp;
    private final long timeoutMillis;
    private volatile List<ServerBeans> servers = List.of();

    /** A client with an HTTP client of its own (the JDK's default trust store), closed with it; a cluster shares one between its connectors instead. */
    public ConnectorClient(ConnectorTarget target, long timeoutMillis) {
        this(target, timeoutMillis, sharedHttpClient(timeoutMillis, ClientTls.systemDefault()), ClientTls.systemDefault(), true);
    }

    /** A client that talks over {@code http}, built by {@link #sharedHttpClient(long, ClientTls)} with the same {@code tls}. */
    public ConnectorClient(ConnectorTarget target, long timeoutMillis, ConnectorHttp http, ClientTls tls) {
        this(target, timeoutMillis, http, tls, false);
    }

    private ConnectorClient(ConnectorTarget target, long timeoutMillis, ConnectorHttp http, ClientTls tls, boolean ownsHttp) {
        this.target = target;
        this.timeoutMillis = timeoutMillis;
        this.ownHttp = ownsHttp ? http : null;
        this.transport = new JolokiaTransport(http, target, timeoutMillis, tls);
        this.client = new JolokiaClient(target.url(), transport);
    }

    /** An HTTP client to share between connectors: its event loops and keep-alive connections serve all of them. */
    public static ConnectorHttp sharedHttpClient(long timeoutMillis, ClientTls tls) {
        return new ConnectorHttp(tls::context, timeoutMillis);
    }

    public ConnectorTarget target() {
        return target;
    }

    /** Server ids seen at this target by the last successful stats read; empty before the first. */
    public List<String> knownServerIds() {
        return servers.stream().map(ServerBeans::serverId).toList();
    }

    /** Reads every attribute of every {@code ConnectionStats} MBean at this target (pattern read). */
    public List<ServerStats> readStats() throws ConnectorException {
        try {
            return readStatsAsync().get();
        } catch (ExecutionException e) {
            throw FailureClassifier.classify(e.getCause(), timeoutMillis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ConnectorException(FailureKind.TIMED_OUT, "interrupted");
        }
    }

    /**
     * {@link #readStats()} without a thread waiting for it: the answer is parsed and typed on the HTTP
     * client's event loop, which is what lets one question reach a thousand connectors without a
     * thread and two wake-ups each. The future fails with a {@link ConnectorException}.
     */
    public CompletableFuture<List<ServerStats>> readStatsAsync() {
        JolokiaReadRequest request = new JolokiaReadRequest(STATS_PATTERN, STATS_ATTRIBUTES);
        return transport.executeAsync(request, OPTIONS).handle((json, failure) -> {
            try {
                if (failure != null) {
                    throw FailureClassifier.classify(failure instanceof CompletionException ? failure.getCause() : failure, timeoutMillis);
                }
                return statsFrom(singleValue(request, json));
            } catch (ConnectorException e) {
                throw new CompletionException(e);
            } catch (RuntimeException e) {
                throw new CompletionException(FailureClassifier.classify(e, timeoutMillis));
            }
        });
    }

    /**
     * Live mode's one request per interval: {@code Session.changes(cursor, limit)} of each server in
     * {@code cursors} (server id → cursor) and, with {@code counts}, every server's counts (pattern
     * read) in the same bulk; without, {@link WatchAnswer#stats()} is empty. A server whose changes
     * could not be read has a failure instead (404: it is gone).
     */
    public WatchAnswer watch(Map<String, String> cursors, int limit, boolean counts) throws ConnectorException {
        List<ServerBeans> watched = servers.stream().filter(b -> cursors.containsKey(b.serverId())).toList();
        int first = counts ? 1 : 0;
        List<JolokiaRequest> requests = new ArrayList<>(first + watched.size());
        if (counts) {
            requests.add(new JolokiaReadRequest(STATS_PATTERN, STATS_ATTRIBUTES));
        }
        watched.forEach(b -> requests.add(exec(b.session(), "changes", cursors.get(b.serverId()), limit)));
        List<Object> values = requests.isEmpty() ? List.of() : send(requests);
        List<ServerStats> stats = counts ? statsFrom(values.get(0)) : List.of();
        Map<String, SessionChanges> changes = new LinkedHashMap<>();
        Map<String, ConnectorException> failures = new LinkedHashMap<>();
        for (int i = 0; i < watched.size(); i++) {
            String serverId = watched.get(i).serverId();
            try {
                changes.put(serverId, LiveValues.changes(values.get(first + i)));
            } catch (ConnectorException e) {
                failures.put(serverId, e);
            }
        }
        cursors.keySet().stream().filter(id -> !changes.containsKey(id) && !failures.containsKey(id))
                .forEach(id -> failures.put(id, new ConnectorException(FailureKind.NOT_ONLINEUSER_AGENT, "server " + id + " is gone")));
        return new WatchAnswer(stats, changes, failures);
    }

    /**
     * One page of {@code Session.sessions(after, limit)} of {@code serverId}. With {@code first}, the
     * same request first takes the current cursor ({@code changes("", 0)}, so that nothing logged in
     * after it is missed) and reads the Agent MBean's options (null when this agent has none).
     */
    public SessionsPage sessions(String serverId, String after, int limit, boolean first) throws ConnectorException {
        ServerBeans beans = servers.stream().filter(b -> b.serverId().equals(serverId)).findFirst()
                .orElseThrow(() -> new ConnectorException(FailureKind.NOT_ONLINEUSER_AGENT, "no server " + serverId + " here"));
        List<JolokiaRequest> requests = new ArrayList<>(3);
        if (first) {
            requests.add(exec(beans.session(), "changes", "", 0));
            requests.add(new JolokiaReadRequest(beans.agent(), "Options"));
        }
        requests.add(exec(beans.session(), "sessions", after, limit));
        List<Object> values = send(requests);
        String cursor = first ? LiveValues.changes(values.get(0)).cursor() : null;
        Map<String, String> options = first ? LiveValues.options(values.get(1)) : null;
        return LiveValues.sessions(serverId, cursor, options, values.get(values.size() - 1));
    }

    private List<ServerStats> statsFrom(Object value) throws ConnectorException {
        if (value instanceof JolokiaRemoteException remote) {
            throw FailureClassifier.remote(remote);
        }
        Map<String, Object> byName = JolokiaValues.map(value, "pattern read");
        if (byName.isEmpty()) {
            throw new ConnectorException(FailureKind.NOT_ONLINEUSER_AGENT, "no " + STATS_PATTERN + " MBean");
        }
        List<ServerStats> stats = new ArrayList<>(byName.size());
        List<ServerBeans> known = servers;
        List<ServerBeans> beans = new ArrayList<>(byName.size());
        for (Map.Entry<String, Object> entry : byName.entrySet()) {
            ServerStats one = toStats(JolokiaValues.map(entry.getValue(), entry.getKey()));
            stats.add(one);
            beans.add(learned(known, one.serverId(), entry.getKey()));
        }
        if (!beans.equals(known)) {
            servers = List.copyOf(beans);
        }
        return stats;
    }

    /** The names already learned for this server when the agent still uses them (parsing ObjectNames is not free), else new ones. */
    private static ServerBeans learned(List<ServerBeans> known, String serverId, String statsName) throws ConnectorException {
        for (ServerBeans beans : known) {
            if (beans.serverId().equals(serverId) && beans.statsName().equals(statsName)) {
                return beans;
            }
        }
        return ServerBeans.of(serverId, statsName);
    }

    /**
     * Every Agent MBean at this target (pattern read): its attributes (Version, Options, Listeners,
     * Hooks, JolokiaUrl) by MBean name, for {@code online --verbose}.
     */
    public Map<String, Map<String, Object>> readAgents() throws ConnectorException {
        Object value = send(List.of(new JolokiaReadRequest(AGENT_PATTERN))).get(0);
        if (value instanceof JolokiaRemoteException remote) {
            throw FailureClassifier.remote(remote);
        }
        Map<String, Map<String, Object>> agents = new LinkedHashMap<>();
        for (Map.Entry<String, Object> entry : JolokiaValues.map(value, "Agent pattern read").entrySet()) {
            agents.put(entry.getKey(), JolokiaValues.map(entry.getValue(), entry.getKey()));
        }
        return agents;
    }

    /** Every session of {@code uid} on this target; empty when offline. */
    public List<SessionInfo> getByUid(String uid) throws ConnectorException {
        List<SessionInfo> sessions = new ArrayList<>();
        for (Answer answer : execOnEach(knownServers(), beans -> exec(beans.session(), "getByUid", uid))) {
            for (Object row : JolokiaValues.list(answer.value(), "getByUid")) {
                sessions.add(toSession(answer.serverId(), JolokiaValues.map(row, "session")));
            }
        }
        return sessions;
    }

    /** Sessions closed per server id. Refused (403) unless the agent runs with {@code kick.enabled=true}. */
    public Map<String, Integer> kick(String uid, String reason) throws ConnectorException {
        Map<String, Integer> kicked = new LinkedHashMap<>();
        List<Answer> answers;
        try {
            answers = execOnEach(knownServers(), beans -> exec(beans.session(), "kick", uid, reason));
        } catch (ConnectorException e) {
            if (e.kind() == FailureKind.FORBIDDEN) {
                throw new ConnectorException(FailureKind.FORBIDDEN, "kick is off on this agent (start it with kick.enabled=true)", e);
            }
            throw e;
        }
        for (Answer answer : answers) {
            if (!(answer.value() instanceof Number number)) {
                throw new ConnectorException(FailureKind.NOT_ONLINEUSER_AGENT, "kick did not answer a number");
            }
            kicked.put(answer.serverId(), number.intValue());
        }
        return kicked;
    }

    /** One page of the logged-in list of {@code serverId}, ordered by login time. */
    public List<LoginEntry> loginedPage(String serverId, int offset, int limit) throws ConnectorException {
        ServerBeans beans = knownServers().stream().filter(b -> b.serverId().equals(serverId)).findFirst()
                .orElseThrow(() -> new ConnectorException(FailureKind.NOT_ONLINEUSER_AGENT, "no server " + serverId + " here"));
        return toPage(serverId, execOnEach(List.of(beans), b -> exec(b.stats(), "loginedList", offset, limit)).get(0).value());
    }

    /**
     * The first {@code limit} rows of the logged-in list of every server at this target (or only of
     * {@code onlyServerId} when not null), in one request: server id → page. Servers are the ones
     * learned by the last stats read (or from discovery), relearned if one has gone.
     */
    public Map<String, List<LoginEntry>> firstLoginedPages(String onlyServerId, int limit) throws ConnectorException {
        List<ServerBeans> known = knownServers();
        List<ServerBeans> asked = onlyServerId == null ? known
                : known.stream().filter(b -> b.serverId().equals(onlyServerId)).toList();
        if (asked.size() == known.size()) {
            asked = known; // the learned list itself, so that a vanished MBean relearns the names
        }
        Map<String, List<LoginEntry>> pages = new LinkedHashMap<>();
        if (asked.isEmpty()) {
            return pages;
        }
        for (Answer answer : execOnEach(asked, b -> exec(b.stats(), "loginedList", 0, limit))) {
            pages.put(answer.serverId(), toPage(answer.serverId(), answer.value()));
        }
        return pages;
    }

    private static List<LoginEntry> toPage(String serverId, Object value) throws ConnectorException {
        List<?> rows = JolokiaValues.list(value, "loginedList");
        List<LoginEntry> page = new ArrayList<>(rows.size());
        for (Object row : rows) {
            Map<String, Object> fields = JolokiaValues.map(row, "login");
            page.add(new LoginEntry(serverId, JolokiaValues.text(fields, "uid"), JolokiaValues.number(fields, "loginTime"),
                    JolokiaValues.text(fields, "address"), (int) JolokiaValues.number(fields, "sessionCount")));
        }
        return page;
    }

    @Override
    public void close() {
        try {
            client.close();
        } catch (IOException e) {
            // nothing is left to release that matters to the caller
        }
        if (ownHttp != null) {
            ownHttp.close();
        }
    }

    private List<ServerBeans> knownServers() throws ConnectorException {
        List<ServerBeans> known = servers;
        if (known.isEmpty() && target.name() != null) {
            // discovery announced the server id: name its MBeans the way the agent does and save a
            // round trip; a wrong guess answers 404, which relearns the names by pattern
            known = List.of(ServerBeans.of(target.name(), "onlineuser:type=ConnectionStats,serverId=" + quoteIfNeeded(target.name())));
            servers = known;
        }
        if (known.isEmpty()) {
            readStats();
            known = servers;
        }
        return known;
    }

    /** Runs one exec per server in one bulk; an MBean that vanished means a restart: relearn names and retry once. */
    private List<Answer> execOnEach(List<ServerBeans> asked, Function<ServerBeans, JolokiaExecRequest> request)
            throws ConnectorException {
        List<Object> values = send(asked.stream().map(request).toList());
        boolean vanished = values.stream().anyMatch(v -> v instanceof JolokiaRemoteException remote && remote.getStatus() == 404);
        if (vanished && asked == servers) {
            readStats();
            if (!servers.equals(asked)) {
                return execOnEach(servers, request);
            }
        }
        List<Answer> answers = new ArrayList<>(values.size());
        for (int i = 0; i < values.size(); i++) {
            if (values.get(i) instanceof JolokiaRemoteException remote) {
                throw FailureClassifier.remote(remote);
            }
            answers.add(new Answer(asked.get(i).serverId(), values.get(i)));
        }
        return answers;
    }

    /** A single request's value as {@link JolokiaClient} gives it, an error object as its {@link JolokiaRemoteException}. */
    private Object singleValue(JolokiaRequest request, JSONStructure json) throws ConnectorException {
        if (!(json instanceof JSONObject answer)) {
            throw FailureClassifier.classify(new JolokiaException("Invalid JSON response for a single request (expected a Map but got "
                    + (json == null ? "an empty response" : "a " + json.getClass().getName()) + ")"), timeoutMillis);
        }
        try {
            return ValidatingResponseExtractor.DEFAULT.extract(request, answer, false).getValue();
        } catch (JolokiaRemoteException remote) {
            return remote;
        } catch (JolokiaException e) {
            throw FailureClassifier.classify(e, timeoutMillis);
        }
    }

    /** Sends requests in one HTTP POST; per-request Jolokia errors come back in place as {@link JolokiaRemoteException}. */
    private List<Object> send(List<? extends JolokiaRequest> requests) throws ConnectorException {
        try {
            if (requests.size() == 1) {
                JolokiaResponse<?> response = client.execute(requests.get(0), HttpMethod.POST, OPTIONS);
                return Collections.singletonList(response.getValue());
            }
            List<JolokiaRequest> bulk = new ArrayList<>(requests);
            List<JolokiaResponse<JolokiaRequest>> responses = client.execute(bulk, OPTIONS);
            List<Object> values = new ArrayList<>(responses.size());
            for (JolokiaResponse<JolokiaRequest> response : responses) {
                values.add(response.getValue());
            }
            return values;
        } catch (JolokiaBulkRemoteException partial) {
            List<Object> values = new ArrayList<>();
            for (Object result : partial.getResults()) {
                values.add(result instanceof JolokiaResponse<?> response ? response.getValue() : result);
            }
            return values;
        } catch (JolokiaRemoteException remote) {
            if (requests.size() == 1) {
                return Collections.singletonList(remote);
            }
            throw FailureClassifier.classify(remote, timeoutMillis);
        } catch (JolokiaException | RuntimeException e) {
            throw FailureClassifier.classify(e, timeoutMillis);
        }
    }

    private static JolokiaExecRequest exec(ObjectName name, String operation, Object... arguments) {
        return new JolokiaExecRequest(name, operation, arguments);
    }

    private ServerStats toStats(Map<String, Object> a) throws ConnectorException {
        String serverId = JolokiaValues.text(a, "ServerId");
        if (serverId == null || serverId.isEmpty()) {
            throw new ConnectorException(FailureKind.NOT_ONLINEUSER_AGENT, "ConnectionStats has no ServerId");
        }
        return new ServerStats(
                serverId, JolokiaValues.text(a, "ServerType"),
                (int) JolokiaValues.number(a, "TotalConnCount"), (int) JolokiaValues.number(a, "LoginedCount"),
                (int) optional(a, "SessionCount"), (int) optional(a, "PeakConnCount"), (int) optional(a, "PeakLoginedCount"),
                optional(a, "AcceptedConnTotal"), optional(a, "ClosedConnTotal"), optional(a, "LoginTotal"),
                optional(a, "LogoutTotal"), optional(a, "KickTotal"), optional(a, "StartTime"),
                target.url().toString());
    }

    private static long optional(Map<String, Object> attributes, String key) throws ConnectorException {
        return attributes.containsKey(key) ? JolokiaValues.number(attributes, key) : 0;
    }

    private static SessionInfo toSession(String serverId, Map<String, Object> f) throws ConnectorException {
        return new SessionInfo(serverId, JolokiaValues.number(f, "sessionId"), JolokiaValues.text(f, "uid"),
                JolokiaValues.text(f, "frontendId"), JolokiaValues.number(f, "loginTime"), JolokiaValues.text(f, "address"));
    }

    private static String quoteIfNeeded(String value) {
        for (int i = 0; i < value.length(); i++) {
            if (",=:\"*?\n".indexOf(value.charAt(i)) >= 0) {
                return ObjectName.quote(value);
            }
        }
        return value;
    }

    private static ObjectName objectName(String name) {
        try {
            return new ObjectName(name);
        } catch (MalformedObjectNameException e) {
            throw new IllegalArgumentException(name, e);
        }
    }

    /** The value one server's MBean gave back. */
    private record Answer(String serverId, Object value) {
    }

    /** The two MBeans of one server id, named as the agent registered them (quoting kept). */
    private record ServerBeans(String serverId, String statsName, ObjectName stats, ObjectName session, ObjectName agent) {

        static ServerBeans of(String serverId, String statsName) throws ConnectorException {
            try {
                ObjectName stats = new ObjectName(statsName);
                Hashtable<String, String> keys = new Hashtable<>(stats.getKeyPropertyList());
                keys.put("type", "Session");
                ObjectName session = new ObjectName(stats.getDomain(), keys);
                keys.put("type", "Agent");
                return new ServerBeans(serverId, statsName, stats, session, new ObjectName(stats.getDomain(), keys));
            } catch (MalformedObjectNameException | RuntimeException e) {
                throw new ConnectorException(FailureKind.NOT_ONLINEUSER_AGENT, "odd MBean name " + statsName, e);
            }
        }
    }
}
