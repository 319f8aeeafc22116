package io.onlineuser.collector.live;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.onlineuser.collector.failure.ConnectorException;
import io.onlineuser.collector.jolokia.ConnectorClient;
import io.onlineuser.collector.model.ServerStats;
import io.onlineuser.collector.model.SessionChanges;
import io.onlineuser.collector.model.SessionInfo;
import io.onlineuser.collector.model.SessionsPage;
import io.onlineuser.collector.model.WatchAnswer;

/**
 * Keeps the index exact for the server ids of one connector (one Jolokia URL), the way a
 * Kubernetes reflector does: a cursor, then every page of {@code sessions}, then per interval one
 * bulk request with the {@code changes} since the cursor, and the counts when due ({@link #countsDue}). It lists a server again
 * on {@code gap}, when its start time changed (the agent restarted), when the connector answers
 * again after failing, and when a server id appears. Polls of one feed never overlap.
 */
final class ConnectorFeed {

    /** Batches in a row within one poll when the journal has more than one batch to give. */
    private static final int MAX_BATCHES_PER_POLL = 20;

    private final ConnectorClient client;
    private final ClusterIndex index;
    private final int pageSize;
    private final int changesLimit;
    private final long countsMillis;
    /** Server id → cursor, for the servers listed and followed; touched by the polling thread only. */
    private final Map<String, String> cursors = new HashMap<>();
    private final Map<String, Long> startTimes = new HashMap<>();
    private final Map<String, ServerUsers> held = new HashMap<>();
    private volatile long lastAnswerMillis;
    private volatile String failure;
    private volatile long failingSinceMillis;
    private volatile boolean answeredOnce;
    private volatile boolean triedOnce;
    private volatile Map<String, String> clashes = Map.of();
    private long countsReadMillis;
    private boolean changedSinceCounts;

    ConnectorFeed(ConnectorClient client, ClusterIndex index, int pageSize, int changesLimit, long countsMillis) {
        this.client = client;
        this.index = index;
        this.pageSize = pageSize;
        this.changesLimit = changesLimit;
        this.countsMillis = countsMillis;
    }

    ConnectorClient client() {
        return client;
    }

    /** One poll; never throws: a failure is kept as this connector's state and shown with its age. */
    synchronized void poll() {
        try {
            follow();
            lastAnswerMillis = System.currentTimeMillis();
            failure = null;
            answeredOnce = true;
        } catch (ConnectorException e) {
            failed(e.getMessage().contains("Operation changes") || e.getMessage().contains("Operation sessions")
                    ? "agent without list-then-watch (Session.changes/sessions): update it for live mode; one-shot commands still work ("
                    + e.getMessage() + ")"
                    : e.getMessage());
        } catch (RuntimeException e) {
            failed("collector error: " + e);
        } finally {
            triedOnce = true;
        }
    }

    private void failed(String why) {
        if (failure == null) {
            failingSinceMillis = System.currentTimeMillis();
        }
        failure = why;
    }

    private void follow() throws ConnectorException {
        if (failure != null && answeredOnce) {
            cursors.clear(); // back after a silence: list again rather than trust what the journal still holds
        }
        String reappeared = failure != null && answeredOnce ? "connector answered again" : null;
        for (int batch = 0; batch < MAX_BATCHES_PER_POLL; batch++) {
            if (!pollOnce(reappeared)) {
                return;
            }
        }
    }

    /** One bulk request and its application; true when the journal may hold more right now. */
    private boolean pollOnce(String reappeared) throws ConnectorException {
        if (!countsDue(reappeared)) {
            WatchAnswer answer = client.watch(Map.copyOf(cursors), changesLimit, false);
            if (answer.failures().isEmpty() && answer.changes().values().stream().noneMatch(SessionChanges::gap)) {
                return apply(answer.changes());
            }
            // a server vanished, restarted or lost events: the counts tell which, and who is new
        }
        return pollWithCounts(reappeared);
    }

    /**
     * The counts are read with the changes on the first poll and after a failure, on the poll after
     * one that brought logins or logouts, and otherwise once per {@code countsMillis}: a poll of
     * {@code changes} alone costs the agent about half as much (BENCHMARKS.md, "Live polls ask for changes alone").
     */
    private boolean countsDue(String reappeared) {
        return reappeared != null || cursors.isEmpty() || changedSinceCounts
                || System.currentTimeMillis() - countsReadMillis >= countsMillis;
    }

    private boolean apply(Map<String, SessionChanges> answered) {
        boolean more = false;
        for (Map.Entry<String, SessionChanges> entry : answered.entrySet()) {
            SessionChanges changes = entry.getValue();
            index.apply(held.get(entry.getKey()), changes.events());
            cursors.put(entry.getKey(), changes.cursor());
            more |= changes.events().size() >= changesLimit;
            changedSinceCounts |= !changes.events().isEmpty();
        }
        return more;
    }

    private boolean pollWithCounts(String reappeared) throws ConnectorException {
        long asked = System.currentTimeMillis();
        WatchAnswer answer = client.watch(Map.copyOf(cursors), changesLimit, true);
        countsReadMillis = asked;
        changedSinceCounts = false;
        boolean more = false;
        Set<String> present = new HashSet<>();
        Map<String, String> clashing = new HashMap<>();
        for (ServerStats stats : answer.stats()) {
            String id = stats.serverId();
            present.add(id);
            ServerUsers server = index.claim(id, this);
            if (server == null) {
                clashing.put(id + " @ " + client.target(), "server id " + id + " also answers at " + index.server(id).feed.client.target() + "; followed there");
                continue;
            }
            held.put(id, server);
            String resync = resyncReason(id, stats, answer, reappeared);
            if (resync != null) {
                list(server, resync);
                more = true; // catch up from the new cursor at once
            } else {
                more |= apply(Map.of(id, answer.changes().get(id)));
            }
            startTimes.put(id, stats.startTime());
            server.stats(stats);
        }
        for (String id : new ArrayList<>(held.keySet())) {
            if (!present.contains(id)) {
                index.drop(held.remove(id));
                cursors.remove(id);
                startTimes.remove(id);
            }
        }
        clashes = Map.copyOf(clashing);
        return more;
    }

    private String resyncReason(String id, ServerStats stats, WatchAnswer answer, String reappeared) throws ConnectorException {
        if (!cursors.containsKey(id)) {
            return reappeared != null ? reappeared : "first listing";
        }
        Long knownStart = startTimes.get(id);
        if (knownStart != null && knownStart != stats.startTime()) {
            return "agent restarted";
        }
        ConnectorException failed = answer.failures().get(id);
        if (failed != null) {
            throw failed;
        }
        return answer.changes().get(id).gap() ? "gap in the journal" : null;
    }

    private void list(ServerUsers server, String reason) throws ConnectorException {
        SessionsPage page = client.sessions(server.serverId, "", pageSize, true);
        String cursor = page.cursor();
        boolean kickEnabled = page.agentOptions() != null && "true".equalsIgnoreCase(page.agentOptions().get("kick.enabled"));
        List<SessionInfo> rows = new ArrayList<>(page.rows());
        while (page.next() != null) {
            page = client.sessions(server.serverId, page.next(), pageSize, false);
            rows.addAll(page.rows());
        }
        index.replace(server, rows, kickEnabled, reason);
        cursors.put(server.serverId, cursor);
    }

    /** Removes this connector's servers from the index: it left discovery. */
    synchronized void forget() {
        held.values().forEach(index::drop);
        held.clear();
    }

    long lastAnswerMillis() {
        return lastAnswerMillis;
    }

    String failure() {
        return failure;
    }

    long failingSinceMillis() {
        return failingSinceMillis;
    }

    boolean answeredOnce() {
        return answeredOnce;
    }

    boolean triedOnce() {
        return triedOnce;
    }

    Map<String, String> clashes() {
        return clashes;
    }
}
