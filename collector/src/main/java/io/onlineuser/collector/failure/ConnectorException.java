package io.onlineuser.collector.failure;

/** One connector failed for one call; {@link #getMessage()} is the line shown in {@code errors}. */
public final class ConnectorException extends Exception {

    private final FailureKind kind;

    public ConnectorException(FailureKind kind, String detail) {
        this(kind, detail, null);
    }

    public ConnectorException(FailureKind kind, String detail, Throwable cause) {
        super(detail == null || detail.isBlank() ? kind.label() : kind.label() + ": " + detail, cause, false, false);
        this.kind = kind;
    }

    public FailureKind kind() {
        return kind;
    }
}
