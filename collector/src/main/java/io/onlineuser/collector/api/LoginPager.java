package io.onlineuser.collector.api;

import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import io.onlineuser.collector.jolokia.ConnectorClient;
import io.onlineuser.collector.jolokia.FanOut;
import io.onlineuser.collector.jolokia.Outcome;
import io.onlineuser.collector.model.LoginEntry;

/**
 * Walks one server's {@code loginedList} page by page, handing rows on as they arrive. Each page
 * is one request with its own deadline; a failure ends this server's listing with an error entry
 * and keeps the rows already delivered.
 */
final class LoginPager {

    private final ConnectorClient client;
    private final String serverId;
    private final int pageSize;
    private final FanOut fanOut;
    private final long timeoutMillis;

    LoginPager(ConnectorClient client, String serverId, int pageSize, FanOut fanOut, long timeoutMillis) {
        this.client = client;
        this.serverId = serverId;
        this.pageSize = pageSize;
        this.fanOut = fanOut;
        this.timeoutMillis = timeoutMillis;
    }

    long stream(long cap, Consumer<LoginEntry> sink, Map<String, String> errors) {
        if (client == null) {
            errors.put(serverId, "server left between the count and the listing");
            return 0;
        }
        long delivered = 0;
        int offset = 0;
        while (delivered < cap) {
            int limit = (int) Math.min(pageSize, cap - delivered);
            int from = offset;
            Outcome<List<LoginEntry>> page = fanOut.callAll(List.of(client),
                    c -> c.loginedPage(serverId, from, limit), timeoutMillis).get(0);
            if (!page.succeeded()) {
                errors.put(serverId, page.failure().getMessage() + " (after " + delivered + " rows)");
                return delivered;
            }
            page.value().forEach(sink);
            delivered += page.value().size();
            offset += page.value().size();
            if (page.value().size() < limit) {
                return delivered;
            }
        }
        return delivered;
    }
}
