package io.onlineuser.collector.api;

import java.util.Map;

/** What a {@code logins} listing delivered, and which servers failed part way (rows already delivered stay valid). */
public record LoginsSummary(long rows, Map<String, String> errors) {
}
