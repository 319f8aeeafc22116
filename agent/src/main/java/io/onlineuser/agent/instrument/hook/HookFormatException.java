package io.onlineuser.agent.instrument.hook;

/** A hook description that cannot be used; the message says what is wrong and how to write it. */
public final class HookFormatException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    HookFormatException(String message) {
        super(message);
    }
}
