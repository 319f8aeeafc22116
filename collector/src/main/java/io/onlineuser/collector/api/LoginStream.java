package io.onlineuser.collector.api;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

import io.onlineuser.collector.fanout.FanOut;
import io.onlineuser.collector.fanout.Outcome;
import io.onlineuser.collector.jolokia.ConnectorClient;
import io.onlineuser.collector.model.LoginEntry;

/**
 * Lists logged-in users of many servers in server id order, page by page, as fast as the slowest
 * server allows: every connector's first pages come in one parallel fan-out (one request per
 * connector), and each server's next page is asked for as soon as the previous one arrives, before
 * it is handed on. Rows reach the sink on the caller's thread, in order; memory holds at most two
 * pages per server (one waiting its turn, one under way), whatever the number of users.
 */
final class LoginStream {

    private final FanOut fanOut;
    private final int pageSize;
    private final long timeoutMillis;

    LoginStream(FanOut fanOut, int pageSize, long timeoutMillis) {
        this.fanOut = fanOut;
        this.pageSize = pageSize;
        this.timeoutMillis = timeoutMillis;
    }

    /**
     * Streams the lists of every server the {@code clients} host ({@code serverId} null) or of
     * that one server; failures go to {@code errors}, rows already delivered stay valid.
     */
    long stream(List<ConnectorClient> clients, String serverId, long limit, Consumer<LoginEntry> sink,
                Map<String, String> errors) {
        long cap = limit > 0 ? limit : Long.MAX_VALUE;
        int firstLimit = (int) Math.min(pageSize, cap);
        Map<String, ServerList> lists = new TreeMap<>();
        try {
            for (Outcome<Map<String, List<LoginEntry>>> outcome
                    : fanOut.callAll(clients, c -> c.firstLoginedPages(serverId, firstLimit), timeoutMillis)) {
                if (!outcome.succeeded()) {
                    errors.put(ConnectorPool.nameOf(outcome.client()), outcome.failure().getMessage());
                    continue;
                }
                outcome.value().forEach((id, page) -> addServer(lists, errors, outcome.client(), id, page, firstLimit, cap, serverId));
            }
            if (serverId != null && lists.isEmpty() && !errors.containsKey(serverId)) {
                errors.put(serverId, "no such server among those that answered");
            }
            long delivered = 0;
            for (ServerList list : lists.values()) {
                if (delivered >= cap) {
                    break;
                }
                delivered += list.deliver(cap - delivered, sink, errors);
            }
            return delivered;
        } finally {
            lists.values().forEach(ServerList::cancel);
        }
    }

    private void addServer(Map<String, ServerList> lists, Map<String, String> errors, ConnectorClient client, String id,
                           List<LoginEntry> firstPage, int firstLimit, long cap, String wanted) {
        if (wanted != null && !wanted.equals(id)) {
            return; // the target relearned its server ids while answering: another server now lives there
        }
        ServerList first = lists.get(id);
        if (first != null) {
            // two agents claiming one server id is a misconfiguration: list the first, name the clash (as online does)
            errors.put(id + " @ " + client.target().url(), "server id " + id + " also answered at " + first.client.target().url()
                    + "; listed once");
            return;
        }
        lists.put(id, new ServerList(client, id, firstPage, firstPage.size() == firstLimit && cap > firstLimit));
    }

    /** One server's list: the first page, and the next page under way while earlier servers are delivered. */
    private final class ServerList {
        private final ConnectorClient client;
        private final String serverId;
        private List<LoginEntry> page;
        private int offset;
        private FanOut.Pending<List<LoginEntry>> next;

        ServerList(ConnectorClient client, String serverId, List<LoginEntry> firstPage, boolean more) {
            this.client = client;
            this.serverId = serverId;
            this.page = firstPage;
            this.offset = firstPage.size();
            this.next = more ? fetch() : null;
        }

        private FanOut.Pending<List<LoginEntry>> fetch() {
            int from = offset;
            return fanOut.start(client, c -> c.loginedPage(serverId, from, pageSize), timeoutMillis);
        }

        long deliver(long cap, Consumer<LoginEntry> sink, Map<String, String> errors) {
            long delivered = 0;
            while (true) {
                int take = (int) Math.min(page.size(), cap - delivered);
                page.subList(0, take).forEach(sink);
                delivered += take;
                page = List.of();
                if (next == null || delivered >= cap) {
                    return delivered;
                }
                Outcome<List<LoginEntry>> outcome = next.await();
                next = null;
                if (!outcome.succeeded()) {
                    errors.put(serverId, outcome.failure().getMessage() + " (after " + delivered + " rows)");
                    return delivered;
                }
                page = outcome.value();
                offset += page.size();
                if (page.size() == pageSize && offset < cap) {
                    next = fetch(); // under way while this page goes to the sink
                }
            }
        }

        void cancel() {
            if (next != null) {
                next.cancel();
                next = null;
            }
        }
    }
}
