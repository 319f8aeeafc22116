package io.onlineuser.collector.model;

import java.util.List;
import java.util.Map;

import io.onlineuser.collector.failure.ConnectorException;

/** Live mode's answer of one connector for one interval: counts of every server there, changes or a failure per watched server. */
public record WatchAnswer(List<ServerStats> stats, Map<String, SessionChanges> changes, Map<String, ConnectorException> failures) {
}
