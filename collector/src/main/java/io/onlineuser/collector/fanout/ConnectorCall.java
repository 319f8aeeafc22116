package io.onlineuser.collector.fanout;

import io.onlineuser.collector.failure.ConnectorException;
import io.onlineuser.collector.jolokia.ConnectorClient;

/** What to ask one connector. */
@FunctionalInterface
public interface ConnectorCall<T> {
    T call(ConnectorClient client) throws ConnectorException;
}
