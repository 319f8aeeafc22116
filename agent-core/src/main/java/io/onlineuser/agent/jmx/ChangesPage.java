package io.onlineuser.agent.jmx;

/** The answer of {@code Session.changes}: {@code {cursor, gap, events}}. */
public interface ChangesPage {
    /** Opaque; pass it to the next changes call. */
    String getCursor();

    /** True when events were lost (journal overflow, another agent run or server): list again. */
    boolean isGap();

    SessionEvent[] getEvents();
}
