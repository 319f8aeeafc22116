package io.onlineuser.agent.jmx;

/** A page of {@code Session.sessions}: {@code {rows, next}}. */
public interface SessionPage {
    ListedSession[] getRows();

    /** Key for the next page; null at the end. */
    String getNext();
}
