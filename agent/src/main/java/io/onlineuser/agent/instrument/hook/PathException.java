package io.onlineuser.agent.instrument.hook;

/** A uid path that could not be followed on the objects of one call. */
public final class PathException extends Exception {

    private static final long serialVersionUID = 1L;

    PathException(String message) {
        super(message);
    }
}
