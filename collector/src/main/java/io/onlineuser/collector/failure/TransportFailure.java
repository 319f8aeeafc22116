package io.onlineuser.collector.failure;

import org.jolokia.client.exception.JolokiaException;

/**
 * A failure the transport already knows the kind of (refused, timed out, HTTP status, TLS, ...):
 * it travels through jolokia-client-java unchanged and {@link FailureClassifier} takes its
 * {@link ConnectorException} as it is, without reading message texts.
 */
public final class TransportFailure extends JolokiaException {

    private static final long serialVersionUID = 1L;

    private final transient ConnectorException failure;

    TransportFailure(ConnectorException failure) {
        super(failure.getMessage(), failure.getCause());
        this.failure = failure;
    }

    public TransportFailure(FailureKind kind, String detail, Throwable cause) {
        this(new ConnectorException(kind, detail, cause));
    }

    ConnectorException failure() {
        return failure;
    }
}
