package io.onlineuser.collector.live;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.TreeMap;
import java.util.TreeSet;

import io.onlineuser.collector.api.Totals;
import io.onlineuser.collector.model.ServerStats;
import io.onlineuser.collector.model.SessionInfo;

/** Answers questions from the index alone, with each server's state judged at one moment ({@code now}). */
final class LiveAnswers {

    private static final Comparator<UserEntry> MERGE_ORDER =
            UserEntry.BY_LOGIN_TIME.thenComparing((UserEntry e) -> e.serverId);

    private final ClusterIndex index;
    private final long graceMillis;

    LiveAnswers(ClusterIndex index, long graceMillis) {
        this.index = index;
        this.graceMillis = graceMillis;
    }

    ServerStatus status(ServerUsers server, long now) {
        ConnectorFeed feed = server.feed;
        long age = Math.max(0, now - feed.lastAnswerMillis());
        String state = feed.failure() == null ? ServerStatus.OK : age <= graceMillis ? ServerStatus.STALE : ServerStatus.LOST;
        return new ServerStatus(server.serverId, feed.client().target().toString(), state, age, feed.lastAnswerMillis(),
                feed.failure(), feed.failure() == null ? 0 : feed.failingSinceMillis(), server.kickEnabled(),
                server.uids(), server.sessions(), server.resyncs(), server.lastResync());
    }

    /** Each listed server's status, in server id order. */
    Map<String, ServerStatus> statuses(long now) {
        List<ServerUsers> servers = index.servers();
        Map<String, ServerStatus> statuses = new LinkedHashMap<>(capacityFor(servers.size()));
        for (ServerUsers server : servers) {
            if (server.listedOnce()) {
                statuses.put(server.serverId, status(server, now));
            }
        }
        return statuses;
    }

    LiveSnapshot online(List<ConnectorFeed> feeds, Map<String, String> problems, long now) {
        List<ServerUsers> listed = index.servers();
        Map<String, ServerStatus> statuses = new LinkedHashMap<>(capacityFor(listed.size()));
        Map<String, ServerStats> servers = new LinkedHashMap<>(capacityFor(listed.size()));
        Map<String, String> errors = new TreeMap<>(problems);
        long connections = 0;
        long logined = 0;
        long sessions = 0;
        long age = 0;
        for (ServerUsers server : listed) {
            if (!server.listedOnce()) {
                continue;
            }
            ServerStatus status = status(server, now);
            statuses.put(server.serverId, status);
            ServerStats stats = server.stats();
            if (!status.counted() || stats == null) {
                continue;
            }
            servers.put(server.serverId, stats);
            connections += stats.totalConnCount();
            logined += status.loginedCount();
            sessions += status.sessionCount();
            age = Math.max(age, status.ageMillis());
        }
        int failed = 0;
        for (ConnectorFeed feed : feeds) {
            errors.putAll(feed.clashes());
            if (feed.failure() != null || !feed.triedOnce()) {
                failed++;
                errors.put(nameOf(feed), describe(feed, now));
            }
        }
        Totals totals = new Totals(servers.size(), failed, connections, logined, sessions);
        return new LiveSnapshot(servers, totals, errors, duplicates(statuses), true, now, age, statuses);
    }

    LiveLookup find(String uid, long now) {
        List<SessionInfo> sessions = new ArrayList<>();
        List<SessionInfo> lastSeen = new ArrayList<>();
        Map<String, String> errors = new TreeMap<>();
        TreeSet<String> servers = new TreeSet<>();
        long age = 0;
        for (UserEntry entry : index.entries(uid)) {
            ServerUsers server = index.server(entry.serverId);
            if (server == null) {
                continue;
            }
            ServerStatus status = status(server, now);
            if (status.counted()) {
                sessions.addAll(entry.sessionInfos());
                servers.add(entry.serverId);
                age = Math.max(age, status.ageMillis());
            } else {
                lastSeen.addAll(entry.sessionInfos());
            }
        }
        // only failing servers are judged and named: a lookup builds no status for the healthy ones
        for (ServerUsers server : index.servers()) {
            if (server.listedOnce() && server.feed.failure() != null) {
                ServerStatus status = status(server, now);
                errors.put(status.serverId(), status.state() + " for " + status.ageMillis() + " ms: " + status.failure());
            }
        }
        Comparator<SessionInfo> order = Comparator.comparing(SessionInfo::serverId).thenComparingLong(SessionInfo::sessionId);
        sessions.sort(order);
        lastSeen.sort(order);
        return new LiveLookup(uid, !sessions.isEmpty(), List.copyOf(servers), sessions, lastSeen, errors, age);
    }

    boolean isOnline(String uid, long now) {
        for (UserEntry entry : index.entries(uid)) {
            ServerUsers server = index.server(entry.serverId);
            if (server != null && status(server, now).counted()) {
                return true;
            }
        }
        return false;
    }

    /**
     * Merges the login-time ordered users of the servers asked (k-way, one cursor per server): a
     * page costs O((offset + limit) log servers); {@code total} is known from the counts without a
     * uid prefix, and counted by a scan with one.
     */
    LoginsPage logins(LoginsQuery query, long now) {
        Map<String, ServerStatus> statuses = statuses(now);
        List<ServerUsers> asked = new ArrayList<>();
        long total = 0;
        long age = 0;
        for (ServerUsers server : index.servers()) {
            ServerStatus status = statuses.get(server.serverId);
            if (status != null && status.counted() && (query.serverId() == null || query.serverId().equals(server.serverId))) {
                asked.add(server);
                total += query.uidPrefix() == null ? server.uids() : 0;
                age = Math.max(age, status.ageMillis());
            }
        }
        Comparator<UserEntry> order = query.newestFirst() ? MERGE_ORDER.reversed() : MERGE_ORDER;
        PriorityQueue<Head> heads = new PriorityQueue<>((a, b) -> order.compare(a.entry, b.entry));
        for (ServerUsers server : asked) {
            Iterator<UserEntry> users = (query.newestFirst() ? server.byLoginTime().descendingSet() : server.byLoginTime()).iterator();
            advance(heads, users, query.uidPrefix());
        }
        List<UserRow> rows = new ArrayList<>(Math.min(query.limit(), 1024));
        long skipped = 0;
        while (!heads.isEmpty() && rows.size() < query.limit()) {
            Head head = heads.poll();
            if (skipped < query.offset()) {
                skipped++;
            } else {
                rows.add(row(head.entry, statuses));
            }
            advance(heads, head.rest, query.uidPrefix());
        }
        if (query.uidPrefix() != null) {
            for (ServerUsers server : asked) {
                for (UserEntry entry : server.byLoginTime()) {
                    total += entry.uid.startsWith(query.uidPrefix()) ? 1 : 0;
                }
            }
        }
        Map<String, String> errors = new TreeMap<>();
        statuses.values().stream().filter(s -> !ServerStatus.OK.equals(s.state()))
                .forEach(s -> errors.put(s.serverId(), s.state() + " for " + s.ageMillis() + " ms: " + s.failure()));
        return new LoginsPage(rows, total, query.offset(), query.limit(), age, errors);
    }

    Map<String, List<String>> duplicates(Map<String, ServerStatus> statuses) {
        Map<String, List<String>> duplicates = new TreeMap<>();
        for (String uid : index.onSeveralServers()) {
            List<String> where = countedServers(uid, statuses);
            if (where.size() > 1) {
                duplicates.put(uid, where);
            }
        }
        return duplicates;
    }

    private UserRow row(UserEntry entry, Map<String, ServerStatus> statuses) {
        boolean duplicate = index.onSeveralServers().contains(entry.uid) && countedServers(entry.uid, statuses).size() > 1;
        return new UserRow(entry.serverId, entry.uid, entry.loginTime, entry.address(), entry.sessionCount(), duplicate);
    }

    private List<String> countedServers(String uid, Map<String, ServerStatus> statuses) {
        List<String> where = new ArrayList<>(2);
        for (UserEntry entry : index.entries(uid)) {
            ServerStatus status = statuses.get(entry.serverId);
            if (status != null && status.counted()) {
                where.add(entry.serverId);
            }
        }
        where.sort(null);
        return where;
    }

    private static void advance(PriorityQueue<Head> heads, Iterator<UserEntry> users, String uidPrefix) {
        while (users.hasNext()) {
            UserEntry next = users.next();
            if (uidPrefix == null || next.uid.startsWith(uidPrefix)) {
                heads.add(new Head(next, users));
                return;
            }
        }
    }

    /** A hash map capacity that holds {@code entries} without growing. */
    private static int capacityFor(int entries) {
        return (int) (entries / 0.75f) + 1;
    }

    private static String nameOf(ConnectorFeed feed) {
        List<String> ids = feed.client().knownServerIds();
        return ids.isEmpty() ? feed.client().target().toString() : String.join(",", ids);
    }

    private String describe(ConnectorFeed feed, long now) {
        if (!feed.triedOnce()) {
            return "not polled yet";
        }
        if (!feed.answeredOnce()) {
            return feed.failure();
        }
        long age = now - feed.lastAnswerMillis();
        return (age <= graceMillis ? "stale" : "lost") + ", last answer " + age + " ms ago: " + feed.failure();
    }

    private record Head(UserEntry entry, Iterator<UserEntry> rest) {
    }
}
