package io.onlineuser.collector.failure;

/** Why a connector did not answer, in words an operator can act on. */
public enum FailureKind {
    REFUSED("connection refused"),
    TIMED_OUT("timed out"),
    UNREACHABLE("unreachable"),
    UNAUTHORIZED("HTTP 401 unauthorized"),
    FORBIDDEN("HTTP 403 forbidden"),
    HTTP_ERROR("HTTP error"),
    NOT_ONLINEUSER_AGENT("not an onlineuser agent"),
    GARBAGE("garbage answer"),
    REMOTE_ERROR("error in the agent"),
    TLS_UNTRUSTED("TLS: untrusted certificate"),
    TLS_HOST_MISMATCH("TLS: host-name mismatch"),
    TLS_CLIENT_CERT_MISSING("TLS: client certificate required"),
    TLS_CLIENT_CERT_REFUSED("TLS: client certificate refused"),
    TLS_FAILED("TLS handshake failed");

    private final String label;

    FailureKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
