package io.onlineuser.collector.jolokia;

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
    REMOTE_ERROR("error in the agent");

    private final String label;

    FailureKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
