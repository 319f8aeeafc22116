package io.onlineuser.collector.jolokia;

/** What to ask one connector. */
@FunctionalInterface
public interface ConnectorCall<T> {
    T call(ConnectorClient client) throws ConnectorException;
}
