package io.onlineuser.collector.live;

import java.util.List;
import java.util.Map;

import io.onlineuser.collector.api.Totals;
import io.onlineuser.collector.model.ServerStats;

/**
 * The cluster from the live index: the same fields as the one-shot {@code online --json}
 * ({@code servers}, {@code totals}, {@code errors}, {@code duplicates}) plus each server's
 * {@link ServerStatus} and {@code ageMillis}, the age of the oldest data counted. Totals and
 * duplicates leave out {@code lost} servers.
 */
public record LiveSnapshot(Map<String, ServerStats> servers, Totals totals, Map<String, String> errors,
                           Map<String, List<String>> duplicates, boolean duplicatesChecked, long takenAt,
                           long ageMillis, Map<String, ServerStatus> status) {

    public boolean complete() {
        return errors.isEmpty();
    }
}
