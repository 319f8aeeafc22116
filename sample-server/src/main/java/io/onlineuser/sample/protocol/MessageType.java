package io.onlineuser.sample.protocol;

/** Kind of a message carried in a data package (bits 1-3 of the flag byte). */
public enum MessageType {
    REQUEST(0, true, true),
    NOTIFY(1, false, true),
    RESPONSE(2, true, false),
    PUSH(3, false, true);

    private final int code;
    private final boolean hasId;
    private final boolean hasRoute;

    MessageType(int code, boolean hasId, boolean hasRoute) {
        this.code = code;
        this.hasId = hasId;
        this.hasRoute = hasRoute;
    }

    public int code() {
        return code;
    }

    /** Requests and responses carry an id so a response finds its request. */
    public boolean hasId() {
        return hasId;
    }

    /** A response has no route: the client knows it from the id. */
    public boolean hasRoute() {
        return hasRoute;
    }

    public static MessageType fromCode(int code) {
        for (MessageType type : values()) {
            if (type.code == code) {
                return type;
            }
        }
        throw new ProtocolException("unknown message type " + code);
    }
}
