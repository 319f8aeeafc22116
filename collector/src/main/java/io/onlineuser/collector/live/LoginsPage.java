package io.onlineuser.collector.live;

import java.util.List;
import java.util.Map;

/** One page of the users table; {@code total} counts every row matching the query, {@code ageMillis} is the data's age. */
public record LoginsPage(List<UserRow> rows, long total, int offset, int limit, long ageMillis, Map<String, String> errors) {
}
