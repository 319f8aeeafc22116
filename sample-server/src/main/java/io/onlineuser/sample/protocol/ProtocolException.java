package io.onlineuser.sample.protocol;

/** Input that breaks the Pomelo wire protocol; the connection that sent it is closed. */
public final class ProtocolException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ProtocolException(String message) {
        super(message);
    }

    public ProtocolException(String message, Throwable cause) {
        super(message, cause);
    }
}
