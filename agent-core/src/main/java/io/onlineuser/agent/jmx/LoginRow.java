package io.onlineuser.agent.jmx;

/** One logged-in uid; an interface so that MXBean proxies can rebuild it from CompositeData. */
public interface LoginRow {
    String getUid();

    /** Epoch milliseconds when the uid came online. */
    long getLoginTime();

    /** Remote ip:port of its most recent session; null when unknown. */
    String getAddress();

    int getSessionCount();
}
