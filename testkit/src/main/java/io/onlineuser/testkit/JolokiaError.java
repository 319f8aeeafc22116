package io.onlineuser.testkit;

/** A Jolokia answer whose JSON {@code status} was not 200 (or an HTTP error such as 401). */
public final class JolokiaError extends RuntimeException {

    private final int status;

    public JolokiaError(int status, String message) {
        super(status + ": " + message);
        this.status = status;
    }

    public int status() {
        return status;
    }
}
