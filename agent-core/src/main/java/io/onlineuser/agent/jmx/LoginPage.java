package io.onlineuser.agent.jmx;

/** A page of {@code ConnectionStats.loginedPage}: {@code {rows, next}}. */
public interface LoginPage {
    LoginRow[] getRows();

    /** Key for the next page; null at the end. */
    String getNext();
}
