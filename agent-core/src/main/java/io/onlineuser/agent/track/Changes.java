package io.onlineuser.agent.track;

import java.util.List;

/** An answer of {@link OnlineTracker#changes}: events after a cursor, and the cursor to ask from next. */
public final class Changes {

    private final String cursor;
    private final boolean gap;
    private final List<JournalEvent> events;

    Changes(String cursor, boolean gap, List<JournalEvent> events) {
        this.cursor = cursor;
        this.gap = gap;
        this.events = events;
    }

    /** Opaque; carries the agent run's epoch and the last event's sequence number. */
    public String cursor() {
        return cursor;
    }

    /**
     * True when the journal no longer holds the events the cursor asked for (overwritten, or the
     * cursor is from another agent run or server): the client must list again from {@link #cursor()}.
     */
    public boolean gap() {
        return gap;
    }

    /** Oldest first, without holes; empty on a gap. */
    public List<JournalEvent> events() {
        return events;
    }
}
