package io.onlineuser.collector.api;

import java.util.List;
import java.util.Map;

import io.onlineuser.collector.model.ServerStats;

/**
 * The cluster at one moment: every server that answered (by server id, sorted), the totals,
 * every target that did not with the reason (keyed by server id when known, else URL), and the
 * uids online on more than one server (only when duplicates were checked; otherwise empty).
 */
public record ClusterSnapshot(
        Map<String, ServerStats> servers,
        Totals totals,
        Map<String, String> errors,
        Map<String, List<String>> duplicates,
        boolean duplicatesChecked,
        long takenAt) {

    public boolean complete() {
        return errors.isEmpty();
    }
}
