package io.onlineuser.collector.fake;

import java.util.List;

/** Maps to CompositeData {cursor, gap, events}, the answer of Session.changes (DESIGN.md "List-then-watch"). */
public final class ChangesAnswer {
    private final String cursor;
    private final boolean gap;
    private final List<ChangeEvent> events;

    public ChangesAnswer(String cursor, boolean gap, List<ChangeEvent> events) {
        this.cursor = cursor;
        this.gap = gap;
        this.events = events;
    }

    public String getCursor() {
        return cursor;
    }

    public boolean isGap() {
        return gap;
    }

    public List<ChangeEvent> getEvents() {
        return events;
    }
}
