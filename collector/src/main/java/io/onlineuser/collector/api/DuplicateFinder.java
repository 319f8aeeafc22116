package io.onlineuser.collector.api;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import io.onlineuser.collector.failure.ConnectorException;
import io.onlineuser.collector.fanout.FanOut;
import io.onlineuser.collector.fanout.Outcome;
import io.onlineuser.collector.jolokia.ConnectorClient;
import io.onlineuser.collector.model.LoginEntry;

/**
 * Finds uids logged in on more than one server — what Pomelo cannot see. Every connector's lists
 * are read in parallel, page by page; the deadline grows with the pages a connector has to send.
 */
final class DuplicateFinder {

    private final FanOut fanOut;
    private final int pageSize;
    private final long timeoutMillis;

    DuplicateFinder(FanOut fanOut, int pageSize, long timeoutMillis) {
        this.fanOut = fanOut;
        this.pageSize = pageSize;
        this.timeoutMillis = timeoutMillis;
    }

    /**
     * uid → sorted server ids, for uids on two or more servers; failures are added to {@code errors}.
     * {@code largestList} (the highest loginedCount seen) sizes the deadline: one timeout per page.
     */
    Map<String, List<String>> find(List<ConnectorClient> clients, long largestList, Map<String, String> errors) {
        long budget = timeoutMillis * (1 + largestList / pageSize);
        List<Outcome<Map<String, Set<String>>>> outcomes = fanOut.callAll(clients, this::uidsByServer, budget);
        Map<String, Object> firstSeen = new HashMap<>();
        Map<String, TreeSet<String>> duplicates = new TreeMap<>();
        for (Outcome<Map<String, Set<String>>> outcome : outcomes) {
            if (!outcome.succeeded()) {
                errors.put(ConnectorPool.nameOf(outcome.client()), "duplicate check: " + outcome.failure().getMessage());
                continue;
            }
            for (Map.Entry<String, Set<String>> server : outcome.value().entrySet()) {
                for (String uid : server.getValue()) {
                    Object previous = firstSeen.putIfAbsent(uid, server.getKey());
                    if (previous != null && !previous.equals(server.getKey())) {
                        TreeSet<String> where = duplicates.computeIfAbsent(uid, u -> new TreeSet<>());
                        where.add((String) previous);
                        where.add(server.getKey());
                    }
                }
            }
        }
        Map<String, List<String>> result = new TreeMap<>();
        duplicates.forEach((uid, where) -> result.put(uid, new ArrayList<>(where)));
        return result;
    }

    private Map<String, Set<String>> uidsByServer(ConnectorClient client) throws ConnectorException {
        Map<String, Set<String>> uids = new HashMap<>();
        for (String serverId : client.knownServerIds()) {
            Set<String> seen = new HashSet<>();
            int offset = 0;
            while (true) {
                List<LoginEntry> page = client.loginedPage(serverId, offset, pageSize);
                page.forEach(entry -> seen.add(entry.uid()));
                offset += page.size();
                if (page.size() < pageSize) {
                    break;
                }
            }
            uids.put(serverId, seen);
        }
        return uids;
    }
}
