package io.onlineuser.collector.model;

import java.util.List;
import java.util.Map;

import io.onlineuser.collector.model.SessionInfo;

/**
 * One page of {@code Session.sessions(after, limit)} in (loginTime, sessionId) order; {@code next}
 * is null at the end. On the first page of a listing also the cursor taken just before it and the
 * agent's options ({@code null} when the agent has no Agent MBean); both null on later pages.
 */
public record SessionsPage(String cursor, Map<String, String> agentOptions, List<SessionInfo> rows, String next) {
}
