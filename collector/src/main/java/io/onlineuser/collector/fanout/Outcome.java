package io.onlineuser.collector.fanout;

import io.onlineuser.collector.failure.ConnectorException;
import io.onlineuser.collector.jolokia.ConnectorClient;

/** The answer of one connector to one call: a value, or the failure that stands for it. */
public record Outcome<T>(ConnectorClient client, T value, ConnectorException failure) {

    public boolean succeeded() {
        return failure == null;
    }
}
