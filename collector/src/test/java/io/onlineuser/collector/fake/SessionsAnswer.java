package io.onlineuser.collector.fake;

import java.util.List;

/** Maps to CompositeData {rows, next}, the answer of Session.sessions; next is null at the end. */
public final class SessionsAnswer {
    private final List<SessionPageRow> rows;
    private final String next;

    public SessionsAnswer(List<SessionPageRow> rows, String next) {
        this.rows = rows;
        this.next = next;
    }

    public List<SessionPageRow> getRows() {
        return rows;
    }

    public String getNext() {
        return next;
    }
}
