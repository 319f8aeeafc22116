package io.onlineuser.agent.attach;

/** An attach that did not happen; the message is meant for the operator. */
public final class AttachFailure extends Exception {

    private static final long serialVersionUID = 1L;

    AttachFailure(String message) {
        super(message);
    }
}
